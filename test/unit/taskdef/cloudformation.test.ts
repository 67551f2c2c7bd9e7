import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { looksLikeTemplate } from '../../../src/taskdef/formats/cloudformation';
import { detectFileKind } from '../../../src/taskdef/kind';
import { validate } from '../../../src/taskdef/validate';
import { REPO } from './helpers';
import { baseTaskProperties } from '../../fixtures/cloudformation/peerCases';

const fixture = (name: string) => fs.readFileSync(path.join(REPO, 'test', 'fixtures', 'cloudformation', name), 'utf8');

/** `line:column code pointer` of every finding, 1-based as an editor shows them. */
function findings(text: string): string[] {
  return validate(text).diagnostics.map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.code} ${d.pointer}`);
}

const TASK = (props: string) => `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  TaskDef:
    Type: AWS::ECS::TaskDefinition
    Properties:
${props.replace(/^/gm, '      ')}
`;

/** The base task of the cfn-lint comparison, with an EFS volume (CloudFormation's EFSVolumeConfiguration spelling). */
const VALID_FARGATE = `${baseTaskProperties()}
Volumes:
  - Name: data
    EFSVolumeConfiguration:
      FilesystemId: fs-12345678
      TransitEncryption: ENABLED
      AuthorizationConfig:
        IAM: ENABLED`;

describe('CloudFormation templates: validation', () => {
  it('a YAML template with short tags: each known mistake on its line and column, CloudFormation pointers', () => {
    assert.deepStrictEqual(findings(fixture('fargate-mistakes.yaml')), [
      '16:15 fargate-invalid-memory /Resources/TaskDef/Properties/Memory',
      '27:25 host-port-mismatch /Resources/TaskDef/Properties/ContainerDefinitions/0/PortMappings/0/HostPort',
      '34:15 awslogs-missing-option /Resources/TaskDef/Properties/ContainerDefinitions/0/LogConfiguration/Options',
      '40:26 invalid-secret-value-from /Resources/TaskDef/Properties/ContainerDefinitions/0/Secrets/1/ValueFrom',
      '54:26 service-task-port /Resources/Service/Properties/LoadBalancers/0/ContainerPort',
      '58:25 deployment-no-room /Resources/Service/Properties/DeploymentConfiguration/MaximumPercent',
    ]);
  });

  it('a JSON template: each known mistake on its line, the service checked against its task definition', () => {
    assert.deepStrictEqual(findings(fixture('ec2-mistakes.json')), [
      '13:34 memory-reservation-exceeds-memory /Resources/TaskDef/Properties/ContainerDefinitions/0/MemoryReservation',
      '16:23 link-missing-container /Resources/TaskDef/Properties/ContainerDefinitions/0/Links/0',
      '18:47 mount-point-unknown-volume /Resources/TaskDef/Properties/ContainerDefinitions/0/MountPoints/0/SourceVolume',
      '32:63 placement-strategy-field /Resources/Service/Properties/PlacementStrategies/0/Field',
      '33:9 service-task-network /Resources/Service/Properties/NetworkConfiguration',
    ]);
  });

  it('messages name CloudFormation properties, not API members', () => {
    const messages = [fixture('fargate-mistakes.yaml'), fixture('ec2-mistakes.json')].flatMap((t) => validate(t).diagnostics.map((d) => d.message));
    const byCode = (code: string) => validate(fixture('fargate-mistakes.yaml')).diagnostics.find((d) => d.code === code)!.message;
    assert.match(byCode('host-port-mismatch'), /^In awsvpc network mode "HostPort" must be omitted or equal "ContainerPort" \(8080\)/);
    assert.match(byCode('awslogs-missing-option'), /needs "awslogs-stream-prefix" in "Options"/);
    assert.match(byCode('deployment-no-room'), /With MinimumHealthyPercent 100 and MaximumPercent 100/);
    for (const m of messages) assert.doesNotMatch(m, /"(containerDefinitions|hostPort|containerPort|memoryReservation|volumes|options|valueFrom|networkConfiguration|placementStrategy)"/, m);
    const unknown = validate(TASK(`${VALID_FARGATE}\nFamilyy: x`)).diagnostics.find((d) => d.code === 'unknown-property')!;
    assert.strictEqual(unknown.message, 'Unknown property "Familyy": did you mean "Family"? CloudFormation rejects unknown properties.');
    const nested = validate(TASK(VALID_FARGATE.replace('Essential: true', 'Esential: true'))).diagnostics.find((d) => d.code === 'unknown-property')!;
    assert.strictEqual(nested.message, 'Unknown property "Esential" in ContainerDefinitions[0]: did you mean "Essential"? CloudFormation rejects unknown properties.');
    assert.strictEqual(nested.pointer, '/Resources/TaskDef/Properties/ContainerDefinitions/0/Esential');
  });

  it('a valid template has no findings; scalars are read as CloudFormation converts them', () => {
    assert.deepStrictEqual(findings(TASK(VALID_FARGATE)), []);
    // Cpu is a string property written as a number; ContainerPort an integer written as a string; Essential a boolean string.
    assert.deepStrictEqual(findings(TASK(VALID_FARGATE.replace('ContainerPort: 80', 'ContainerPort: "80"').replace('Essential: true', 'Essential: "true"').replace('Cpu: 512', "Cpu: '512'"))), []);
    assert.deepStrictEqual(findings(TASK(VALID_FARGATE.replace('ContainerPort: 80', 'ContainerPort: eighty'))), ['17:30 type-mismatch /Resources/TaskDef/Properties/ContainerDefinitions/0/PortMappings/0/ContainerPort']);
  });

  it('CloudFormation-only shapes: ForceNewDeployment is an object, read-only attributes are not set', () => {
    const service = (props: string) => `Resources:\n  Svc:\n    Type: AWS::ECS::Service\n    Properties:\n${props.replace(/^/gm, '      ')}\n`;
    assert.deepStrictEqual(findings(service('Cluster: c\nTaskDefinition: web:1\nForceNewDeployment:\n  EnableForceNewDeployment: true\n  ForceNewDeploymentNonce: "2"')), []);
    assert.deepStrictEqual(findings(service('ForceNewDeployment: true')), ['5:27 type-mismatch /Resources/Svc/Properties/ForceNewDeployment']);
    assert.deepStrictEqual(findings(service('ServiceArn: x\nClientToken: t\nPlacementStrategy: []')), [
      '5:7 read-only-field /Resources/Svc/Properties/ServiceArn',
      '6:7 unknown-property /Resources/Svc/Properties/ClientToken',
      '7:7 unknown-property /Resources/Svc/Properties/PlacementStrategy',
    ]);
    assert.match(validate(service('PlacementStrategy: []')).diagnostics[0].message, /did you mean "PlacementStrategies"\?/);
  });

  it('null values and syntax errors are reported where they are', () => {
    assert.deepStrictEqual(findings(TASK(`${VALID_FARGATE}\nTaskRoleArn:`)), ['34:7 template-null-value /Resources/TaskDef/Properties/TaskRoleArn']);
    const broken = findings(TASK(VALID_FARGATE.replace('Family: web', 'Family: [web')));
    assert.ok(broken.some((f) => f.includes('template-syntax')), broken.join('\n'));
    assert.ok(findings('{"Resources": {"T": {"Type": "AWS::ECS::TaskDefinition", "Properties": {"Cpu": }}}}').some((f) => f.includes('template-syntax')));
  });

  it('a SAM template (Transform AWS::Serverless-2016-10-31) is checked the same way', () => {
    const sam = `AWSTemplateFormatVersion: '2010-09-09'
Transform: AWS::Serverless-2016-10-31
Globals:
  Function:
    Timeout: 10
Resources:
  Worker:
    Type: AWS::Serverless::Function
    Properties:
      Handler: index.handler
      Runtime: nodejs20.x
      CodeUri: src/
  TaskDef:
    Type: AWS::ECS::TaskDefinition
    Properties:
      RequiresCompatibilities: [FARGATE]
      NetworkMode: bridge
      Cpu: 256
      Memory: 512
      ContainerDefinitions:
        - Name: job
          Image: !Sub '\${AWS::AccountId}.dkr.ecr.\${AWS::Region}.amazonaws.com/job:latest'
`;
    assert.strictEqual(detectFileKind(sam, 'template.yaml'), 'cloudformation');
    assert.deepStrictEqual(findings(sam), ['17:20 fargate-requires-awsvpc /Resources/TaskDef/Properties/NetworkMode']);
  });

  it('looksLikeTemplate: templates in YAML, JSON and minified JSON; not compose files, Kubernetes manifests or definitions', () => {
    assert.ok(looksLikeTemplate(fixture('fargate-mistakes.yaml')));
    assert.ok(looksLikeTemplate(fixture('ec2-mistakes.json')));
    assert.ok(looksLikeTemplate('{"Resources":{"T":{"Type":"AWS::ECS::TaskDefinition","Properties":{}}}}'));
    assert.ok(!looksLikeTemplate('services:\n  web:\n    image: nginx\n'));
    assert.ok(!looksLikeTemplate('apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n'));
    assert.ok(!looksLikeTemplate('{"family": "web", "containerDefinitions": []}'));
    assert.strictEqual(detectFileKind('{"family": "web", "containerDefinitions": [{"name": "a", "image": "b"}]}'), 'task');
  });
});
