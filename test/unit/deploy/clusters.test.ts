import * as assert from 'assert';
import { createClusterRequest, isEmpty, leftText } from '../../../src/deploy/clusterActions';
import { clusterNameProblem, parseCreateClusterArgs, parseDeleteClusterArgs, parseDeleteServiceArgs, parseTagText, tagsProblem } from '../../../src/deploy/clusterArgs';

describe('Clusters and services: arguments and what is left', () => {
  it('cluster names follow ECS: up to 255 letters, numbers, hyphens, underscores', () => {
    assert.strictEqual(clusterNameProblem('my-cluster_2'), undefined);
    assert.strictEqual(clusterNameProblem('a'.repeat(255)), undefined);
    assert.strictEqual(clusterNameProblem('a'.repeat(256)), 'At most 255 characters');
    assert.strictEqual(clusterNameProblem('my cluster.x'), 'Only letters, numbers, hyphens and underscores (not " .")');
    assert.strictEqual(clusterNameProblem(''), 'Enter a cluster name');
  });

  it('createCluster reads name, providers, strategy, Container Insights, namespace, tags and scope', () => {
    const args = parseCreateClusterArgs({
      name: 'web', capacityProviders: ['FARGATE', 'FARGATE_SPOT'], defaultCapacityProviderStrategy: [{ capacityProvider: 'FARGATE', base: 1, weight: 1 }, { capacityProvider: 'FARGATE_SPOT', weight: 3 }],
      containerInsights: 'enhanced', serviceConnectNamespace: 'internal', tags: [{ key: 'env', value: 'dev' }], region: 'eu-west-1', profile: 'dev',
    });
    assert.deepStrictEqual(createClusterRequest(args), {
      clusterName: 'web', capacityProviders: ['FARGATE', 'FARGATE_SPOT'],
      defaultCapacityProviderStrategy: [{ capacityProvider: 'FARGATE', base: 1, weight: 1 }, { capacityProvider: 'FARGATE_SPOT', weight: 3, base: undefined }],
      settings: [{ name: 'containerInsights', value: 'enhanced' }], serviceConnectDefaults: { namespace: 'internal' }, tags: [{ key: 'env', value: 'dev' }],
    });
    assert.deepStrictEqual(args.scope, { region: 'eu-west-1', profile: 'dev' });
  });

  it('createCluster refuses what ECS would, saying what is expected', () => {
    const refuses = (arg: Record<string, unknown>, pattern: RegExp) => assert.throws(() => parseCreateClusterArgs(arg), (e: Error) => pattern.test(e.message) && /Expected \{ name,/.test(e.message));
    refuses({}, /"name" is missing/);
    refuses({ name: 'has space' }, /"name": Only letters/);
    refuses({ name: 'c', containerInsights: 'on' }, /"containerInsights" must be one of disabled, enabled, enhanced/);
    refuses({ name: 'c', capacityProviders: ['FARGATE'], defaultCapacityProviderStrategy: [{ capacityProvider: 'FARGATE_SPOT', weight: 1 }] }, /names "FARGATE_SPOT", which is not in "capacityProviders"/);
    refuses({ name: 'c', capacityProviders: ['FARGATE'], defaultCapacityProviderStrategy: [{ capacityProvider: 'FARGATE', weight: 0 }] }, /weight above 0/);
    refuses({ name: 'c', capacityProviders: ['FARGATE', 'FARGATE_SPOT'], defaultCapacityProviderStrategy: [{ capacityProvider: 'FARGATE', weight: 1, base: 1 }, { capacityProvider: 'FARGATE_SPOT', weight: 1, base: 2 }] }, /only one capacity provider .* base/);
    refuses({ name: 'c', tags: [{ key: 'aws:x', value: '1' }] }, /reserved prefix aws:/);
    refuses({ name: 'c', region: 'moon-1' }, /"region" must be a region code/);
    refuses({ name: 'c', size: 3 }, /unknown member "size"/);
  });

  it('tags typed as key=value pairs', () => {
    assert.deepStrictEqual(parseTagText('env=dev, team = web'), [{ key: 'env', value: 'dev' }, { key: 'team', value: 'web' }]);
    assert.deepStrictEqual(parseTagText(''), []);
    assert.strictEqual(parseTagText('env'), undefined);
    assert.strictEqual(tagsProblem([{ key: 'k'.repeat(129), value: '' }]), `Tag key "${'k'.repeat(129)}" must be 1 to 128 characters`);
  });

  it('deleteCluster and deleteService arguments', () => {
    assert.deepStrictEqual(parseDeleteClusterArgs({ cluster: 'web', region: 'us-west-2' }), { cluster: 'web', scope: { region: 'us-west-2', profile: undefined } });
    assert.deepStrictEqual(parseDeleteServiceArgs({ cluster: 'web', service: 'api' }), { cluster: 'web', service: 'api', force: false, wait: true, scope: { region: undefined, profile: undefined } });
    assert.strictEqual(parseDeleteServiceArgs({ cluster: 'web', service: 'api', force: true, wait: false }).force, true);
    assert.throws(() => parseDeleteServiceArgs({ cluster: 'web', service: 'api', force: 'yes' }), /"force" must be true or false. Expected \{ cluster, service, force\?, wait\?, region\?, profile\? \}/);
    assert.throws(() => parseDeleteClusterArgs({}), /deleteCluster: "cluster" is missing/);
  });

  it('what is left in a cluster, in words', () => {
    const c = { clusterArn: 'arn', services: ['api', 'web'], moreServices: false, runningTasks: 3, containerInstances: 1, capacityProviders: ['cp'] };
    assert.strictEqual(leftText(c), '2 services (api, web), 3 running tasks, 1 container instance, capacity providers cp');
    assert.strictEqual(isEmpty(c), false);
    const empty = { ...c, services: [], runningTasks: 0, containerInstances: 0, capacityProviders: [] };
    assert.strictEqual(leftText(empty), 'nothing');
    assert.strictEqual(isEmpty(empty), true);
  });
});
