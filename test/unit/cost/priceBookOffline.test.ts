/** The price book with no Price List to reach: the bundled snapshot answers, saying so. */
import * as assert from 'assert';
import * as net from 'net';
import { ClientManager } from '../../../src/aws/clientManager';
import { costEstimatorFor, priceBookFor } from '../../../src/commands/cost/estimators';
import { createPriceBook } from '../../../src/cost/priceBook';
import { priceSnapshot } from '../../../src/cost/snapshot';

/** A loopback port nothing listens on (bound, then closed). */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('price book: an unreachable Price List endpoint falls back to the bundled snapshot', function () {
  let clients: ClientManager;
  const saved = { ...process.env };

  before(async () => {
    Object.assign(process.env, { AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE', AWS_SECRET_ACCESS_KEY: 'secret', AWS_EC2_METADATA_DISABLED: 'true' });
    delete process.env.AWS_PROFILE;
    clients = new ClientManager({ region: 'us-east-1', endpoint: `http://127.0.0.1:${await closedPort()}` }, { maxAttempts: 1, requestTimeoutMs: 2_000, connectTimeoutMs: 1_000 });
  });
  after(() => {
    clients.dispose();
    process.env = saved;
  });

  it('answers with the snapshot, its date, and why the Price List was not used', async () => {
    const logged: string[] = [];
    const book = createPriceBook(clients, { log: (m) => logged.push(m) });
    const priced = await book.pricesFor({ region: 'us-east-1' });
    assert.deepStrictEqual([priced.source, priced.asOf, priced.prices.fargate.vcpuHour], ['snapshot', priceSnapshot().asOf, 0.04048]);
    assert.match(book.fallbackReason('us-east-1') ?? '', /ECONNREFUSED|connect|reach/i);
    assert.match(logged.join('\n'), /Price List ecs\.us-east-1: .*using the bundled snapshot of /);
    const instance = await book.instanceHourly({ region: 'us-east-1' }, 't3.large');
    assert.deepStrictEqual(instance, { instanceType: 't3.large', hourly: 0.0832, source: 'snapshot', asOf: priceSnapshot().asOf });
  });

  it('a region neither source has is refused with what happened', async () => {
    const book = createPriceBook(clients);
    assert.strictEqual(priceSnapshot().regions['eu-west-3'], undefined, 'a region the snapshot does not list');
    await assert.rejects(book.pricesFor({ region: 'eu-west-3' }), new RegExp(`No prices for eu-west-3: the AWS Price List could not be read \\(.+\\) and the bundled snapshot of ${priceSnapshot().asOf} does not list the region\\.`));
  });

  it('one estimator and one price book per window; estimateTaskDefinition gives the figure and its one-line text', async () => {
    const estimator = costEstimatorFor(clients);
    assert.strictEqual(priceBookFor(clients), estimator.priceBook);
    const cost = await estimator.estimateTaskDefinition({ family: 'web', requiresCompatibilities: ['FARGATE'], cpu: '1 vCPU', memory: '2 GB', containerDefinitions: [] }, { region: 'us-east-1' }, 3);
    assert.strictEqual(cost.text, '≈ $108.12/month for 3 tasks · us-east-1 · Linux/x86 · on-demand');
    assert.strictEqual(cost.estimate.source, 'snapshot');
    await assert.rejects(estimator.estimateTaskDefinition({ family: 'web', requiresCompatibilities: ['FARGATE'], containerDefinitions: [] }, { region: 'us-east-1' }), /Fargate bills the task-level cpu and memory/);
    await assert.rejects(estimator.estimateTaskDefinition({ family: 'cache', requiresCompatibilities: ['EC2'], memory: '512', containerDefinitions: [] }, { region: 'us-east-1' }), /give the cluster \("cluster"\)/);
  });
});
