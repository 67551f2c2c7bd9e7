/**
 * UpdateService with a partial deploymentConfiguration, through the real SDK over HTTP: members the
 * call leaves out keep their values; a given circuit breaker or alarms block replaces the old one.
 */
import * as assert from 'assert';
import { CreateServiceCommand, DeploymentConfiguration, DescribeServicesCommand, ECSClient, UpdateServiceCommand } from '@aws-sdk/client-ecs';
import { sdkConfig, useEmulator } from './helpers';

const NET = { awsvpcConfiguration: { subnets: ['subnet-0a1b2c3d4e5f60001'] } };
const CLUSTER = 'demo-fargate';

describe('emulator: UpdateService with a partial deploymentConfiguration', () => {
  const ctx = useEmulator({ seed: 'demo' });
  let ecs: ECSClient;

  before(async () => {
    ecs = new ECSClient(sdkConfig(ctx.emu));
    await ecs.send(new CreateServiceCommand({
      cluster: CLUSTER, serviceName: 'partial', taskDefinition: 'demo-api:3', desiredCount: 2, launchType: 'FARGATE', networkConfiguration: NET,
      deploymentConfiguration: {
        maximumPercent: 200, minimumHealthyPercent: 100,
        deploymentCircuitBreaker: { enable: true, rollback: true },
        alarms: { alarmNames: ['partial-5xx'], enable: true, rollback: false },
      },
    }));
  });

  async function config(): Promise<DeploymentConfiguration> {
    return (await ecs.send(new DescribeServicesCommand({ cluster: CLUSTER, services: ['partial'] }))).services![0].deploymentConfiguration!;
  }

  async function update(deploymentConfiguration?: DeploymentConfiguration): Promise<DeploymentConfiguration> {
    const reply = await ecs.send(new UpdateServiceCommand({ cluster: CLUSTER, service: 'partial', deploymentConfiguration }));
    assert.deepStrictEqual(reply.service?.deploymentConfiguration, await config(), 'the reply shows what DescribeServices then shows');
    return reply.service!.deploymentConfiguration!;
  }

  it('only maximumPercent: minimumHealthyPercent, the circuit breaker and the alarms keep their values', async () => {
    assert.deepStrictEqual(await update({ maximumPercent: 150 }), {
      maximumPercent: 150, minimumHealthyPercent: 100,
      deploymentCircuitBreaker: { enable: true, rollback: true },
      alarms: { alarmNames: ['partial-5xx'], enable: true, rollback: false },
    });
  });

  it('a circuit breaker given replaces the old one; maximumPercent and the alarms left out stay', async () => {
    assert.deepStrictEqual(await update({ minimumHealthyPercent: 50, deploymentCircuitBreaker: { enable: false, rollback: false } }), {
      maximumPercent: 150, minimumHealthyPercent: 50,
      deploymentCircuitBreaker: { enable: false, rollback: false },
      alarms: { alarmNames: ['partial-5xx'], enable: true, rollback: false },
    });
  });

  it('alarms given replace the old ones; no deploymentConfiguration at all changes nothing', async () => {
    const after = await update({ alarms: { alarmNames: ['a', 'b'], enable: true, rollback: true } });
    assert.deepStrictEqual(after.alarms, { alarmNames: ['a', 'b'], enable: true, rollback: true });
    assert.deepStrictEqual(await update(), after);
  });
});
