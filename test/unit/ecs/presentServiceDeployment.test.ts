import * as assert from 'assert';
import { presentServiceDeployment, serviceRevisionRows, serviceRevisionText } from '../../../src/ecs/presentServiceDeployment';
import type { ServiceDeployment, ServiceRevision } from '../../../src/ecs/serviceDeployments';

const NOW = new Date('2025-03-01T12:00:00Z');
const minutesAgo = (m: number) => new Date(NOW.getTime() - m * 60_000);
const REV = (id: string) => `arn:aws:ecs:us-east-1:123456789012:service-revision/demo-fargate/checkout/${id}`;
const TD = (family: string, n: number) => `arn:aws:ecs:us-east-1:123456789012:task-definition/${family}:${n}`;

const revisions = new Map<string, ServiceRevision>([
  [REV('1111111111'), { serviceRevisionArn: REV('1111111111'), taskDefinition: TD('demo-checkout', 1) }],
  [REV('2222222222'), { serviceRevisionArn: REV('2222222222'), taskDefinition: TD('demo-checkout', 2) }],
]);

function deployment(extra: Partial<ServiceDeployment>): ServiceDeployment {
  return {
    serviceDeploymentArn: 'arn:aws:ecs:us-east-1:123456789012:service-deployment/demo-fargate/checkout/abc',
    sourceServiceRevisions: [{ arn: REV('1111111111') }],
    targetServiceRevision: { arn: REV('2222222222'), requestedTaskCount: 2, runningTaskCount: 1 },
    deploymentConfiguration: { strategy: 'BLUE_GREEN', bakeTimeInMinutes: 2 },
    createdAt: minutesAgo(30),
    startedAt: minutesAgo(29),
    ...extra,
  };
}

describe('what the Deployments folder shows for a service deployment', () => {
  it('a finished one: source → target revision, how it ended and when, the strategy last', () => {
    const p = presentServiceDeployment(deployment({ status: 'SUCCESSFUL', finishedAt: minutesAgo(20) }), revisions, NOW);
    assert.strictEqual(p.label, 'demo-checkout:1 → 2');
    assert.strictEqual(p.description, 'succeeded · 20m ago · blue/green');
    assert.strictEqual(p.state, 'ok');
    assert.match(p.details, /\*\*Strategy:\*\* BLUE\\_GREEN/);
    assert.match(p.details, /\*\*From:\*\* demo-checkout:1  \n\*\*To:\*\* demo-checkout:2/);
    // The 300 px side bar holds ~40 characters: what is cut there is the strategy (also in the tooltip).
    assert.ok(p.label.length + p.description.replace(/ · [^·]+$/, '').length <= 40, 'all but the strategy fits the side bar');
  });

  it('one in progress: its stage and task counts; a paused one says so, with the hook and when its timeout acts', () => {
    const baking = presentServiceDeployment(deployment({ status: 'IN_PROGRESS', lifecycleStage: 'BAKE_TIME' }), revisions, NOW);
    assert.strictEqual(baking.description, 'in progress · bake · 1/2 · blue/green');
    assert.strictEqual(baking.state, 'progress');
    const paused = presentServiceDeployment(
      deployment({
        status: 'IN_PROGRESS',
        lifecycleStage: 'POST_TEST_TRAFFIC_SHIFT',
        lifecycleHookDetails: [{ hookId: 'hook-7', targetType: 'PAUSE', status: 'AWAITING_ACTION', timeoutAction: 'ROLLBACK', expiresAt: new Date('2025-03-01T12:30:00Z') }],
      }),
      revisions,
      NOW,
    );
    assert.strictEqual(paused.description, 'paused · post-test shift · 1/2 · blue/green');
    assert.strictEqual(paused.state, 'warning');
    assert.match(paused.details, /\*\*Paused hook:\*\* hook-7 \\\(AWAITING\\_ACTION; ROLLBACK at 2025-03-01 12:30:00Z\\\)/);
  });

  it('a rolled-back one says why in AWS\'s words, escaped, and which revision it went back to', () => {
    const p = presentServiceDeployment(
      deployment({
        status: 'ROLLBACK_SUCCESSFUL',
        finishedAt: minutesAgo(5),
        statusReason: 'Rolled back.',
        rollback: { reason: 'Circuit breaker: [3 tasks](https://evil.example) failed', startedAt: minutesAgo(8), serviceRevisionArn: REV('1111111111') },
        deploymentCircuitBreaker: { status: 'TRIGGERED', failureCount: 3, threshold: 3 },
      }),
      revisions,
      NOW,
    );
    assert.strictEqual(p.description, 'rolled back · 5m ago · blue/green');
    assert.strictEqual(p.state, 'warning');
    assert.match(p.details, /\*\*Why:\*\* Circuit breaker: \\\[3 tasks\\\]\\\(https\\:\/\/evil\.example\\\) failed/);
    assert.doesNotMatch(p.details, /\]\(https/, 'no link from AWS-provided text');
    assert.match(p.details, /\*\*Status reason:\*\* Rolled back\./);
    assert.match(p.details, /\*\*Rolled back to:\*\* demo-checkout:1/);
    assert.match(p.details, /\*\*Circuit breaker:\*\* TRIGGERED \\\(3 of 3 failed tasks\\\)/);
  });

  it('the first deployment has no source; a revision not described is named by its id; ROLLING by default', () => {
    const first = presentServiceDeployment(deployment({ status: 'STOPPED', sourceServiceRevisions: [], deploymentConfiguration: {}, statusReason: 'Superseded by a newer deployment.', stoppedAt: minutesAgo(60) }), revisions, NOW);
    assert.strictEqual(first.label, 'demo-checkout:2');
    assert.strictEqual(first.description, 'stopped · 1h ago · rolling');
    assert.match(first.details, /\*\*Why:\*\* Superseded by a newer deployment\./);
    const unknown = presentServiceDeployment(deployment({ status: 'PENDING' }), new Map(), NOW);
    assert.strictEqual(unknown.label, 'revision 11111111 → revision 22222222');
  });
});

const revision: ServiceRevision = {
  serviceRevisionArn: REV('2222222222'),
  serviceArn: 'arn:aws:ecs:us-east-1:123456789012:service/demo-fargate/checkout',
  clusterArn: 'arn:aws:ecs:us-east-1:123456789012:cluster/demo-fargate',
  createdAt: minutesAgo(30),
  taskDefinition: TD('demo-checkout', 2),
  containerImages: [
    { containerName: 'web', image: '123456789012.dkr.ecr.us-east-1.amazonaws.com/checkout:2.0', imageDigest: 'sha256:' + 'ab'.repeat(32) },
    { containerName: 'envoy', image: 'public.ecr.aws/envoy:v1', imageDigest: 'sha256:' + 'cd'.repeat(32) },
  ],
  loadBalancers: [{ targetGroupArn: 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/checkout-blue/0123456789abcdef', containerName: 'web', containerPort: 8080, advancedConfiguration: { alternateTargetGroupArn: 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/checkout-green/fedcba9876543210', productionListenerRule: 'arn:rule/1', roleArn: 'arn:aws:iam::123456789012:role/ecs-lb' } }],
  networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-b', 'subnet-a'], securityGroups: ['sg-1'], assignPublicIp: 'DISABLED' } },
  capacityProviderStrategy: [{ capacityProvider: 'FARGATE_SPOT', weight: 3 }, { capacityProvider: 'FARGATE', weight: 1, base: 1 }],
};

describe('a service revision under its deployment, and as Compare Revisions shows it', () => {
  it('rows: task definition, each container\'s digest resolved by ECS, load balancer, network, capacity providers', () => {
    const rows = serviceRevisionRows(revision).map((r) => `${r.label}: ${r.description}`);
    assert.deepStrictEqual(rows, [
      'Task definition: demo-checkout:2',
      'envoy: sha256:cdcdcdcdcdcd…',
      'web: sha256:abababababab…',
      'Load balancer: checkout-blue → web:8080',
      'Network: 2 subnets · 1 security group',
      'Capacity providers: FARGATE_SPOT:3, FARGATE:1 (base 1)',
    ]);
    assert.match(serviceRevisionRows(revision)[3].details, /Alternate target group:\*\* `arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup\/checkout-green/);
  });

  it('normalised text: keys sorted, the task definition as family:revision, identity fields left out, string lists sorted', () => {
    const text = serviceRevisionText(revision);
    const parsed = JSON.parse(text) as Record<string, unknown>;
    assert.deepStrictEqual(Object.keys(parsed), ['capacityProviderStrategy', 'containerImages', 'loadBalancers', 'networkConfiguration', 'taskDefinition']);
    assert.strictEqual(parsed.taskDefinition, 'demo-checkout:2');
    assert.deepStrictEqual((parsed.containerImages as { containerName: string }[]).map((c) => c.containerName), ['envoy', 'web']);
    assert.deepStrictEqual((parsed.networkConfiguration as { awsvpcConfiguration: { subnets: string[] } }).awsvpcConfiguration.subnets, ['subnet-a', 'subnet-b']);
    assert.doesNotMatch(text, /serviceRevisionArn|createdAt|clusterArn/);
    // Two revisions that differ only in the task definition differ in one line.
    const other = serviceRevisionText({ ...revision, serviceRevisionArn: REV('1111111111'), createdAt: minutesAgo(90), taskDefinition: TD('demo-checkout', 1) });
    const changed = text.split('\n').filter((line, i) => line !== other.split('\n')[i]);
    assert.deepStrictEqual(changed, ['  "taskDefinition": "demo-checkout:2"']);
  });
});
