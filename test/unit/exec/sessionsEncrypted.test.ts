/**
 * A cluster whose ECS Exec configuration names a KMS key: the agent asks for encryption in the
 * handshake, our client has KMS generate the session's data key (through the ClientManager's KMS
 * client), and the shell works over AES-GCM payloads.
 */
import * as assert from 'assert';
import { openShellSession } from '../../../src/exec/sessions';
import { countCalls } from '../support/countCalls';
import { startEmulatorAccount, type UnitEmulatorAccount } from '../support/emulatorAccount';
import { until } from '../support/until';

describe('exec sessions: KMS-encrypted', function () {
  this.timeout(60_000);
  let account: UnitEmulatorAccount;
  before(async () => {
    account = await startEmulatorAccount();
  });
  after(() => account.close());

  it('generates the data key with KMS and runs the shell encrypted', async () => {
    const { sdk, client: ecs } = await account.manager.clientWithSdk('ecs');
    await ecs.send(new sdk.ecs.CreateClusterCommand({ clusterName: 'exec-kms', configuration: { executeCommandConfiguration: { kmsKeyId: 'alias/ecs-exec', logging: 'NONE' } } }));
    const run = await ecs.send(
      new sdk.ecs.RunTaskCommand({
        cluster: 'exec-kms',
        taskDefinition: 'demo-api:3',
        launchType: 'FARGATE',
        enableExecuteCommand: true,
        networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-1'], securityGroups: ['sg-1'] } },
      }),
    );
    const task = run.tasks![0].taskArn!;
    for (let i = 0; i < 40; i++) {
      const described = await ecs.send(new sdk.ecs.DescribeTasksCommand({ cluster: 'exec-kms', tasks: [task] }));
      if (described.tasks![0].lastStatus === 'RUNNING') break;
      await account.emulator.clock.advance(5_000);
    }
    const calls = countCalls(account.emulator);
    const shell = await openShellSession(account.manager, { cluster: 'exec-kms', task, scope: {} }, { command: '/bin/sh' });
    assert.strictEqual(calls()["kms:GenerateDataKey"], 1);
    const chunks: Buffer[] = [];
    shell.onOutput((d) => chunks.push(Buffer.from(d)));
    shell.write('echo "sealed $((40+2))"\r');
    await until(() => (/sealed 42/.test(Buffer.concat(chunks).toString()) ? true : undefined), 'output over the encrypted session');
    await shell.close();
  });
});
