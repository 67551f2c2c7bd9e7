/**
 * The policies of the emulator's built-in principals: a few AWS managed policies (their documents as
 * AWS publishes them, in part: https://docs.aws.amazon.com/aws-managed-policy/latest/reference/) and
 * the demo roles' inline policies. demo-api-task-role may open ECS Exec channels (ssmmessages:*,
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs-exec.html#ecs-exec-required-iam-permissions)
 * and write its audit log; demo-worker-task-role may only read its secret and queue.
 */
import { ACCOUNT } from '../../kit/arn';

export interface PolicyDocument {
  Version: '2012-10-17';
  Statement: { Sid?: string; Effect: 'Allow' | 'Deny'; Action?: string | string[]; NotAction?: string | string[]; Resource?: string | string[]; NotResource?: string | string[]; Condition?: Record<string, Record<string, string | string[]>> }[];
}

const doc = (Statement: PolicyDocument['Statement']): PolicyDocument => ({ Version: '2012-10-17', Statement });

/** AWS managed policies by their path and name (`arn:<partition>:iam::aws:policy<path><name>`). */
export const MANAGED: Record<string, { path: string; document: PolicyDocument }> = {
  AdministratorAccess: { path: '/', document: doc([{ Effect: 'Allow', Action: '*', Resource: '*' }]) },
  ReadOnlyAccess: { path: '/', document: doc([{ Effect: 'Allow', Action: ['ecs:Describe*', 'ecs:List*', 'ecr:Describe*', 'ecr:List*', 'logs:Describe*', 'logs:Get*', 'logs:FilterLogEvents', 'iam:Get*', 'iam:List*', 'kms:Describe*', 'kms:List*'], Resource: '*' }]) },
  AmazonECSTaskExecutionRolePolicy: {
    path: '/service-role/',
    document: doc([{ Effect: 'Allow', Action: ['ecr:GetAuthorizationToken', 'ecr:BatchCheckLayerAvailability', 'ecr:GetDownloadUrlForLayer', 'ecr:BatchGetImage', 'logs:CreateLogStream', 'logs:PutLogEvents'], Resource: '*' }]),
  },
  AmazonEC2ContainerServiceforEC2Role: {
    path: '/service-role/',
    document: doc([{
      Effect: 'Allow',
      Action: ['ec2:DescribeTags', 'ecs:CreateCluster', 'ecs:DeregisterContainerInstance', 'ecs:DiscoverPollEndpoint', 'ecs:Poll', 'ecs:RegisterContainerInstance', 'ecs:StartTelemetrySession', 'ecs:UpdateContainerInstancesState', 'ecs:Submit*', 'ecr:GetAuthorizationToken', 'ecr:BatchCheckLayerAvailability', 'ecr:GetDownloadUrlForLayer', 'ecr:BatchGetImage', 'logs:CreateLogStream', 'logs:PutLogEvents'],
      Resource: '*',
    }]),
  },
};

export interface PrincipalPolicies {
  /** Inline policies: name -> document. */
  inline: Record<string, PolicyDocument>;
  /** Managed policies attached, by name in MANAGED. */
  attached: string[];
}

/** The built-in roles' policies (roles a fixture adds start with none). */
export const ROLE_POLICIES: Record<string, PrincipalPolicies> = {
  ecsTaskExecutionRole: {
    attached: ['AmazonECSTaskExecutionRolePolicy'],
    inline: {
      'read-demo-secrets': doc([{ Effect: 'Allow', Action: ['secretsmanager:GetSecretValue', 'ssm:GetParameters'], Resource: [`arn:aws:secretsmanager:*:${ACCOUNT}:secret:demo/*`, `arn:aws:ssm:*:${ACCOUNT}:parameter/demo/*`] }]),
    },
  },
  'demo-api-task-role': {
    attached: [],
    inline: {
      'ecs-exec': doc([
        { Sid: 'SessionChannels', Effect: 'Allow', Action: 'ssmmessages:*', Resource: '*' },
        { Sid: 'AuditLog', Effect: 'Allow', Action: 'logs:DescribeLogGroups', Resource: '*' },
        { Sid: 'AuditLogStreams', Effect: 'Allow', Action: ['logs:CreateLogStream', 'logs:DescribeLogStreams', 'logs:PutLogEvents'], Resource: `arn:aws:logs:*:${ACCOUNT}:log-group:/ecs/*` },
        { Sid: 'AuditBucket', Effect: 'Allow', Action: ['s3:PutObject', 's3:GetEncryptionConfiguration'], Resource: ['arn:aws:s3:::demo-exec-audit', 'arn:aws:s3:::demo-exec-audit/*'] },
        { Sid: 'SessionKey', Effect: 'Allow', Action: 'kms:Decrypt', Resource: `arn:aws:kms:*:${ACCOUNT}:key/*` },
      ]),
      'read-db-password': doc([{ Effect: 'Allow', Action: 'secretsmanager:GetSecretValue', Resource: `arn:aws:secretsmanager:*:${ACCOUNT}:secret:demo/api/*` }]),
    },
  },
  'demo-worker-task-role': {
    attached: [],
    inline: {
      'jobs-queue': doc([
        { Effect: 'Allow', Action: ['sqs:ReceiveMessage', 'sqs:DeleteMessage', 'sqs:GetQueueAttributes'], Resource: `arn:aws:sqs:*:${ACCOUNT}:demo-jobs` },
        { Effect: 'Allow', Action: 'secretsmanager:GetSecretValue', Resource: `arn:aws:secretsmanager:*:${ACCOUNT}:secret:demo/worker/*` },
      ]),
    },
  },
  ecsInstanceRole: { attached: ['AmazonEC2ContainerServiceforEC2Role'], inline: {} },
};

/** The account's `emulator` user (the identity of any key the emulator did not issue): an administrator. */
export const EMULATOR_USER_POLICIES: PrincipalPolicies = { attached: ['AdministratorAccess'], inline: {} };
