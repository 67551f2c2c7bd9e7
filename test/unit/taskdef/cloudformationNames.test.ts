import * as assert from 'assert';
import { apiName, capitalised, cfnName, cfnSchema, NAME_EXCEPTIONS } from '../../../src/taskdef/cloudformation/names';
import { schemaAt } from '../../../src/taskdef/cloudformation/languageService';
import { schemaFor } from '../../../src/taskdef/schema';
import type { DocumentKind } from '../../../src/taskdef/types';

const KINDS: DocumentKind[] = ['task', 'service'];

/** Every (shape, API member) of the generated schema. */
function members(kind: DocumentKind): [string, string][] {
  const root = schemaFor(kind);
  const shapes: [string, Record<string, unknown> | undefined][] = [['#', root.properties], ...Object.entries(root.definitions ?? {}).map(([n, s]) => [n, s.properties] as [string, Record<string, unknown> | undefined])];
  return shapes.flatMap(([shape, props]) => Object.keys(props ?? {}).map((m) => [shape, m] as [string, string]));
}

describe('CloudFormation names: the mapping from API members', () => {
  it('is the capitalised API name except the listed differences', () => {
    assert.strictEqual(cfnName('task', '#', 'containerDefinitions'), 'ContainerDefinitions');
    assert.strictEqual(cfnName('task', 'ContainerDefinition', 'memoryReservation'), 'MemoryReservation');
    assert.strictEqual(cfnName('task', 'EphemeralStorage', 'sizeInGiB'), 'SizeInGiB');
    assert.strictEqual(cfnName('task', 'Volume', 'efsVolumeConfiguration'), 'EFSVolumeConfiguration');
    assert.strictEqual(cfnName('task', 'Volume', 'fsxWindowsFileServerVolumeConfiguration'), 'FSxWindowsFileServerVolumeConfiguration');
    assert.strictEqual(cfnName('task', 'EFSVolumeConfiguration', 'fileSystemId'), 'FilesystemId');
    assert.strictEqual(cfnName('task', 'FSxWindowsFileServerVolumeConfiguration', 'fileSystemId'), 'FileSystemId');
    assert.strictEqual(cfnName('task', 'EFSAuthorizationConfig', 'iam'), 'IAM');
    assert.strictEqual(cfnName('task', 'ProxyConfiguration', 'properties'), 'ProxyConfigurationProperties');
    assert.strictEqual(cfnName('service', '#', 'placementStrategy'), 'PlacementStrategies');
    assert.strictEqual(cfnName('service', 'DeploymentConfiguration', 'deploymentCircuitBreaker'), 'DeploymentCircuitBreaker');
    assert.strictEqual(cfnName('service', '#', 'volumeConfigurations'), 'VolumeConfigurations');
  });

  it('goes both ways for every member of both schemas', () => {
    for (const kind of KINDS) {
      let count = 0;
      for (const [shape, member] of members(kind)) {
        assert.strictEqual(apiName(kind, shape, cfnName(kind, shape, member)), member, `${kind} ${shape}.${member}`);
        count++;
      }
      assert.ok(count > 100, `${kind}: ${count} members`);
    }
    assert.strictEqual(apiName('task', 'EFSVolumeConfiguration', 'FileSystemId'), undefined, 'EFS spells it FilesystemId');
    assert.strictEqual(apiName('service', '#', 'PlacementStrategy'), undefined);
  });

  it('every exception names a member that exists and differs from the capitalised name', () => {
    for (const kind of KINDS) {
      for (const [shape, table] of Object.entries(NAME_EXCEPTIONS[kind])) {
        const props = shape === '#' ? schemaFor(kind).properties : schemaFor(kind).definitions?.[shape]?.properties;
        for (const [member, cfn] of Object.entries(table)) {
          assert.ok(props && Object.hasOwn(props, member), `${kind} ${shape}.${member} exists`);
          assert.notStrictEqual(cfn, capitalised(member));
        }
      }
    }
  });

  it('the CloudFormation schema: renamed members, describe output and operation parameters left out, its own shapes added', () => {
    const task = cfnSchema('task').root;
    const service = cfnSchema('service').root;
    assert.strictEqual(task.required, undefined, 'CloudFormation names the family');
    assert.ok(Object.hasOwn(task.properties!, 'ContainerDefinitions'));
    for (const gone of ['containerDefinitions', 'Revision', 'Status', 'RegisteredAt', 'Compatibilities']) assert.ok(!Object.hasOwn(task.properties!, gone), gone);
    assert.ok(task.properties!.TaskDefinitionArn['x-ecs-readOnly']);
    assert.ok(schemaAt('task', ['Volumes', 0, 'EFSVolumeConfiguration', 'AuthorizationConfig', 'IAM'])?.enum?.includes('ENABLED'));
    assert.strictEqual(schemaAt('task', ['ProxyConfiguration', 'ProxyConfigurationProperties'])?.type, 'array');
    assert.strictEqual(schemaAt('task', ['EphemeralStorage', 'SizeInGiB'])?.type, 'integer');
    assert.deepStrictEqual(schemaAt('task', ['ContainerDefinitions', 0, 'HealthCheck'])?.required, ['Command']);
    assert.strictEqual(schemaAt('task', ['ContainerDefinitions', 0, 'LogConfiguration', 'Options', 'awslogs-group'])?.type, 'string', 'map keys are the user\'s');
    for (const gone of ['ClientToken', 'Service', 'PlacementStrategy', 'RunningCount', 'Deployments']) assert.ok(!Object.hasOwn(service.properties!, gone), gone);
    assert.strictEqual(service.properties!.ForceNewDeployment.type, 'object');
    assert.ok(service.properties!.Name['x-ecs-readOnly'] && service.properties!.ServiceArn['x-ecs-readOnly']);
    assert.strictEqual(schemaAt('service', ['DeploymentConfiguration', 'DeploymentCircuitBreaker', 'Rollback'])?.type, 'boolean');
    assert.strictEqual(schemaAt('service', ['VolumeConfigurations', 0, 'ManagedEBSVolume', 'SizeInGiB'])?.type, 'integer');
  });
});
