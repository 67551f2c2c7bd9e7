import * as assert from 'assert';
import { withProgress } from '../../../src/deploy/codeDeploy/history';
import { deploymentConfigWord, presentCodeDeployDeployment, type CodeDeployHistoryEntry } from '../../../src/ecs/presentCodeDeployDeployment';

const NOW = new Date('2025-03-01T12:00:00Z');
const minutesAgo = (m: number) => new Date(NOW.getTime() - m * 60_000);
const TD = (family: string, n: number) => `arn:aws:ecs:us-east-1:123456789012:task-definition/${family}:${n}`;
const GROUP = { applicationName: 'legacy-bg', deploymentGroupName: 'legacy-bg-dg', region: 'us-east-1' };

function entry(extra: Partial<CodeDeployHistoryEntry>): CodeDeployHistoryEntry {
  return {
    deploymentId: 'd-ABCDEFGH1',
    status: 'Succeeded',
    creator: 'user',
    deploymentConfigName: 'CodeDeployDefault.ECSAllAtOnce',
    createTime: minutesAgo(2 * 24 * 60 + 10),
    completeTime: minutesAgo(2 * 24 * 60),
    taskDefinition: TD('legacy-bg', 2),
    previousTaskDefinition: TD('legacy-bg', 1),
    ...extra,
  };
}

describe('what a CODE_DEPLOY service\'s Deployments folder shows for a CodeDeploy deployment', () => {
  it('a finished one: task definition from → to, status, when, the deployment configuration', () => {
    const p = presentCodeDeployDeployment(entry({}), GROUP, NOW);
    assert.strictEqual(`${p.label} · ${p.description}`, 'legacy-bg:1 → 2 · succeeded · 2d ago · CodeDeploy AllAtOnce');
    assert.strictEqual(p.state, 'ok');
    assert.match(p.details, /\*\*CodeDeploy deployment:\*\* `d-ABCDEFGH1`/);
    assert.match(p.details, /\*\*Application \/ deployment group:\*\* legacy-bg \/ legacy-bg-dg/);
    assert.match(p.details, /\*\*Configuration:\*\* CodeDeployDefault\.ECSAllAtOnce/);
    assert.match(p.details, /\*\*Created by:\*\* user/);
    assert.match(p.details, /\*\*Completed:\*\* 2025-02-27 12:00:00Z/);
    assert.match(p.details, /\*\*Console:\*\* \[d-ABCDEFGH1\]\(https:\/\/us-east-1\.console\.aws\.amazon\.com\/codesuite\/codedeploy\/deployments\/d-ABCDEFGH1\?region=us-east-1\)/);
  });

  it('in progress: the lifecycle event and the replacement task set\'s traffic share, its age from creation', () => {
    const p = presentCodeDeployDeployment(entry({ status: 'InProgress', completeTime: undefined, createTime: minutesAgo(3), lifecycleEvent: 'AllowTraffic', replacementTrafficPercent: 10, deploymentConfigName: 'CodeDeployDefault.ECSCanary10Percent5Minutes' }), GROUP, NOW);
    assert.strictEqual(p.description, 'in progress · AllowTraffic · replacement 10% · 3m ago · CodeDeploy Canary10Percent5Minutes');
    assert.strictEqual(p.state, 'progress');
    assert.match(p.details, /\*\*Lifecycle event:\*\* AllowTraffic/);
    assert.match(p.details, /\*\*Traffic to the replacement task set:\*\* 10%/);
  });

  it('failed and rolled back: why (the error code on the row, the message in the tooltip) and a link to the rollback', () => {
    const p = presentCodeDeployDeployment(entry({ status: 'Failed', errorCode: 'ECS_UPDATE_ERROR', error: 'The ECS service did not reach a steady state (ECS_UPDATE_ERROR).', rollbackDeploymentId: 'd-ROLLBACK01', completeTime: minutesAgo(5) }), GROUP, NOW);
    assert.strictEqual(p.description, 'failed · ECS_UPDATE_ERROR · rolled back · 5m ago · CodeDeploy AllAtOnce');
    assert.strictEqual(p.state, 'warning');
    assert.match(p.details, /\*\*Why:\*\* The ECS service did not reach a steady state \\\(ECS\\_UPDATE\\_ERROR\\\)\./);
    assert.match(p.details, /\*\*Rolled back by:\*\* \[d-ROLLBACK01\]\(https:\/\/[^)]*deployments\/d-ROLLBACK01\?region=us-east-1\)/);
  });

  it('a rollback deployment says which one it rolled back', () => {
    const p = presentCodeDeployDeployment(entry({ creator: 'codeDeployRollback', rollbackOf: 'd-FAILED001', taskDefinition: TD('legacy-bg', 1), previousTaskDefinition: TD('legacy-bg', 2) }), GROUP, NOW);
    assert.strictEqual(`${p.label} · ${p.description}`, 'legacy-bg:2 → 1 · rollback of d-FAILED001 · succeeded · 2d ago · CodeDeploy AllAtOnce');
    assert.match(p.details, /\*\*Rollback of:\*\* \[d-FAILED001\]/);
  });

  it('AWS-provided text is escaped: a description or error cannot add a link or emphasis', () => {
    const p = presentCodeDeployDeployment(entry({ status: 'Stopped', error: 'stopped [click](https://evil.example) *now*', description: '<img src=x> **bold**' }), GROUP, NOW);
    assert.doesNotMatch(p.details, /\[click\]\(https/);
    assert.ok(p.details.includes('\\[click\\]\\(https\\://evil.example\\) \\*now\\*'));
    assert.ok(p.details.includes('\\<img src=x\\> \\*\\*bold\\*\\*'));
    assert.strictEqual(p.state, 'inactive');
  });

  it('labels: the target alone without a previous one, another family in full, the id without a task definition', () => {
    assert.strictEqual(presentCodeDeployDeployment(entry({ previousTaskDefinition: undefined }), GROUP, NOW).label, 'legacy-bg:2');
    assert.strictEqual(presentCodeDeployDeployment(entry({ taskDefinition: TD('api', 7) }), GROUP, NOW).label, 'legacy-bg:1 → api:7');
    assert.strictEqual(presentCodeDeployDeployment(entry({ taskDefinition: undefined }), GROUP, NOW).label, 'd-ABCDEFGH1');
    assert.strictEqual(deploymentConfigWord('my-team-linear'), 'my-team-linear');
    assert.strictEqual(deploymentConfigWord(undefined), undefined);
  });

  it('withProgress reads the lifecycle event in progress and the Green task set\'s weight from the ECS target', () => {
    const shown = withProgress(entry({ status: 'InProgress' }), {
      lifecycleEvents: [{ lifecycleEventName: 'Install', status: 'Succeeded' }, { lifecycleEventName: 'AllowTraffic', status: 'InProgress' }],
      taskSetsInfo: [{ taskSetLabel: 'Blue', trafficWeight: 90 }, { taskSetLabel: 'Green', trafficWeight: 10 }],
    });
    assert.deepStrictEqual([shown.lifecycleEvent, shown.replacementTrafficPercent], ['AllowTraffic', 10]);
    assert.deepStrictEqual([withProgress(entry({}), undefined).lifecycleEvent, withProgress(entry({}), undefined).replacementTrafficPercent], [undefined, undefined]);
  });
});
