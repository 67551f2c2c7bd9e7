import * as assert from 'assert';
import {
  consoleHost, dnsSuffix, ecrRegistryHost, formatArn, parseArn, parseEcrImageUri, parseEcrRegistryHost, partitionOf, resourceName,
  revisionLabel, serviceScalingResourceId, shortTaskId, taskDefinitionParts,
} from '../../../src/aws/arn';

describe('ARNs, partitions and ECR names', () => {
  it('knows the partition, DNS suffix and console of every kind of region', () => {
    assert.deepStrictEqual(['us-east-1', 'eu-west-1', 'cn-north-1', 'cn-northwest-1', 'us-gov-west-1'].map(partitionOf), ['aws', 'aws', 'aws-cn', 'aws-cn', 'aws-us-gov']);
    assert.strictEqual(dnsSuffix('cn-north-1'), 'amazonaws.com.cn');
    assert.strictEqual(dnsSuffix('us-gov-east-1'), 'amazonaws.com');
    assert.strictEqual(consoleHost('eu-west-1'), 'eu-west-1.console.aws.amazon.com');
    assert.strictEqual(consoleHost('cn-northwest-1'), 'console.amazonaws.cn');
    assert.strictEqual(consoleHost('us-gov-west-1'), 'console.amazonaws-us-gov.com');
  });

  it('parses and formats ARNs of every partition and resource kind the extension meets', () => {
    const cases: [string, string][] = [
      ['arn:aws:ecs:us-east-1:123456789012:cluster/demo-fargate', 'demo-fargate'],
      ['arn:aws-cn:ecs:cn-north-1:123456789012:service/demo/api', 'api'],
      ['arn:aws-us-gov:ecs:us-gov-west-1:123456789012:task/demo/0123456789abcdef0123456789abcdef', '0123456789abcdef0123456789abcdef'],
      ['arn:aws:ecs:us-east-1:123456789012:task-definition/demo-api:3', 'demo-api:3'],
      ['arn:aws:ecs:us-east-1:123456789012:container-instance/demo-ec2/abc', 'abc'],
      ['arn:aws:ecs:us-east-1:123456789012:capacity-provider/FARGATE', 'FARGATE'],
      ['arn:aws:ecs:us-east-1:123456789012:service-deployment/demo/api/Ab12Cd', 'Ab12Cd'],
      ['arn:aws:ecs:us-east-1:123456789012:service-revision/demo/api/123', '123'],
      ['arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/demo-api-tg/0123', '0123'],
      ['arn:aws:iam::123456789012:role/service-role/ecsTaskExecutionRole', 'ecsTaskExecutionRole'],
      ['arn:aws:ecr:us-east-1:123456789012:repository/demo/api', 'api'],
      ['arn:aws:logs:us-east-1:123456789012:log-group:/ecs/demo-api', '/ecs/demo-api'],
    ];
    for (const [arn, name] of cases) {
      const parsed = parseArn(arn)!;
      assert.ok(parsed, arn);
      assert.strictEqual(formatArn(parsed), arn);
      assert.strictEqual(resourceName(arn), name, arn);
    }
    assert.strictEqual(formatArn({ service: 'ecs', region: 'cn-north-1', account: '1', resource: 'cluster/x' }), 'arn:aws-cn:ecs:cn-north-1:1:cluster/x');
    assert.strictEqual(formatArn({ service: 'iam', region: '', account: '1', resource: 'role/r' }, 'us-gov-east-1'), 'arn:aws-us-gov:iam::1:role/r');
    assert.strictEqual(parseArn('demo-fargate'), undefined);
    assert.strictEqual(parseArn('arn:aws'), undefined);
    assert.strictEqual(resourceName('demo-fargate'), 'demo-fargate');
    assert.strictEqual(resourceName(undefined), '');
  });

  it('reads task-definition references in every form', () => {
    assert.strictEqual(revisionLabel('arn:aws-cn:ecs:cn-north-1:123456789012:task-definition/web:12'), 'web:12');
    assert.strictEqual(revisionLabel('web:12'), 'web:12');
    assert.strictEqual(revisionLabel('web'), 'web');
    assert.deepStrictEqual(taskDefinitionParts('arn:aws:ecs:us-east-1:1:task-definition/web-canary:4'), { family: 'web-canary', revision: 4 });
    assert.deepStrictEqual(taskDefinitionParts('web'), { family: 'web' });
    assert.strictEqual(shortTaskId('arn:aws:ecs:us-east-1:1:task/demo/0123456789abcdef'), '01234567');
    assert.strictEqual(serviceScalingResourceId('arn:aws:ecs:us-east-1:1:cluster/demo', 'api'), 'service/demo/api');
  });

  it('recognises ECR registries and image URIs in every partition, and nothing else', () => {
    assert.strictEqual(ecrRegistryHost('123456789012', 'cn-north-1'), '123456789012.dkr.ecr.cn-north-1.amazonaws.com.cn');
    assert.deepStrictEqual(parseEcrRegistryHost('123456789012.dkr.ecr.us-gov-west-1.amazonaws.com'), { account: '123456789012', region: 'us-gov-west-1' });
    assert.deepStrictEqual(parseEcrRegistryHost('123456789012.dkr.ecr.cn-north-1.amazonaws.com.cn'), { account: '123456789012', region: 'cn-north-1' });
    assert.strictEqual(parseEcrRegistryHost('123456789012.dkr.ecr.cn-north-1.amazonaws.com'), undefined);
    assert.strictEqual(parseEcrRegistryHost('123456789012.dkr.ecr.us-east-1.amazonaws.com.cn'), undefined);
    assert.strictEqual(parseEcrRegistryHost('123456789012.dkr.ecr.us-east-1.amazonaws.com.evil.example'), undefined);
    assert.strictEqual(parseEcrRegistryHost('127.0.0.1:5000'), undefined);
    const ref = parseEcrImageUri('123456789012.dkr.ecr.cn-northwest-1.amazonaws.com.cn/team/web:2.1@sha256:abc')!;
    assert.deepStrictEqual(
      { ...ref },
      { name: '123456789012.dkr.ecr.cn-northwest-1.amazonaws.com.cn/team/web', tag: '2.1', digest: 'sha256:abc', registryId: '123456789012', region: 'cn-northwest-1', repositoryName: 'team/web' },
    );
    assert.strictEqual(parseEcrImageUri('nginx:latest'), undefined);
    assert.strictEqual(parseEcrImageUri('127.0.0.1:5000/demo/web:1'), undefined);
  });
});
