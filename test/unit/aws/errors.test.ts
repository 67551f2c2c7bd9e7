import * as assert from 'assert';
import { describeAwsError } from '../../../src/aws/errors';

function awsError(name: string, message: string): Error {
  const error = new Error(message);
  error.name = name;
  return error;
}

describe('describeAwsError: what the user is told', () => {
  it('an expired SSO session names the aws sso login command for the profile', () => {
    const problem = describeAwsError(
      awsError('CredentialsProviderError', "The SSO session token associated with profile=dev was not found or is invalid. To refresh this SSO session run 'aws sso login' with the corresponding profile."),
      { profile: 'dev' },
    );
    assert.strictEqual(problem.kind, 'sso-expired');
    assert.strictEqual(problem.title, 'SSO session expired: run aws sso login --profile dev');
    assert.deepStrictEqual(problem.fix, { kind: 'sso-login', profile: 'dev' });
  });

  it('tells an unknown profile from a profile without credentials', () => {
    const sdk = awsError('CredentialsProviderError', 'Could not load credentials from any providers');
    assert.strictEqual(describeAwsError(sdk, { profile: 'typo', profileExists: false }).title, 'Profile "typo" not found');
    assert.strictEqual(describeAwsError(sdk, { profile: 'bare', profileExists: true }).title, 'No credentials for profile "bare"');
    const none = describeAwsError(sdk, {});
    assert.strictEqual(none.title, 'No AWS credentials found');
    assert.deepStrictEqual(none.fix, { kind: 'select-profile' });
  });

  it('access denied names the IAM action from the message, or the one attempted', () => {
    const fromMessage = describeAwsError(
      awsError('AccessDeniedException', 'User: arn:aws:iam::123456789012:user/ci is not authorized to perform: ecs:DescribeServices on resource: arn:aws:ecs:us-east-1:123456789012:service/a/b'),
    );
    assert.strictEqual(fromMessage.kind, 'access-denied');
    assert.strictEqual(fromMessage.action, 'ecs:DescribeServices');
    assert.strictEqual(fromMessage.title, 'Access denied: ecs:DescribeServices');
    const fromContext = describeAwsError(awsError('AccessDeniedException', 'Access denied'), { operation: 'ecs:ListClusters' });
    assert.strictEqual(fromContext.title, 'Access denied: ecs:ListClusters');
  });

  it('expired tokens, invalid keys, throttling after retries and network failures each say what to do', () => {
    assert.strictEqual(describeAwsError(awsError('ExpiredTokenException', 'The security token included in the request is expired')).kind, 'expired-token');
    assert.strictEqual(describeAwsError(awsError('UnrecognizedClientException', 'The security token included in the request is invalid.')).kind, 'invalid-credentials');
    const throttled = describeAwsError(awsError('ThrottlingException', 'Rate exceeded'));
    assert.strictEqual(throttled.kind, 'throttled');
    assert.match(throttled.message, /ecsWorkbench\.maxAttempts/);
    const network = describeAwsError(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:4566'), { code: 'ECONNREFUSED' }));
    assert.strictEqual(network.kind, 'network');
    assert.match(network.message, /ecsWorkbench\.endpointUrl/);
  });

  it('keeps AWS validation messages as they are', () => {
    const problem = describeAwsError(awsError('ClusterNotFoundException', 'Cluster not found.'));
    assert.strictEqual(problem.kind, 'not-found');
    assert.strictEqual(problem.title, 'Cluster not found.');
    assert.strictEqual(describeAwsError('plain string').message, 'plain string');
  });
});
