/**
 * The readiness checks of the cluster's `executeCommandConfiguration`
 * (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs-exec.html#ecs-exec-logging):
 * where sessions are logged (DEFAULT: the container's awslogs configuration; NONE; OVERRIDE: a
 * CloudWatch log group and/or an S3 bucket the task role must be able to write), and the KMS key
 * that encrypts the session's data: it must exist and be enabled, the caller must be able to
 * kms:GenerateDataKey with it and the task role to kms:Decrypt.
 */
import { formatArn, parseArn, resourceName } from '../aws/arn';
import type { ClientManager } from '../aws/clientManager';
import { describeAwsError } from '../aws/errors';
import type { ecs as EcsTypes } from '../aws/sdk';
import { callerPermission, permissionCheck } from './readinessIamChecks';
import { isRefused, refusable, simulate, type ExecReads } from './readinessReads';
import type { ReadinessCheck } from './types';

type ExecConfig = EcsTypes.ExecuteCommandConfiguration;

async function execConfig(reads: ExecReads): Promise<{ cluster: EcsTypes.Cluster; config: ExecConfig } | undefined> {
  const [task, cluster] = await Promise.all([reads.task, reads.cluster]);
  return task && cluster ? { cluster, config: cluster.configuration?.executeCommandConfiguration ?? {} } : undefined;
}

async function logGroupExists(clients: ClientManager, reads: ExecReads, name: string): Promise<boolean | { refused: string }> {
  const { sdk, client } = await clients.clientWithSdk('logs', reads.scope);
  const out = await refusable(client.send(new sdk.logs.DescribeLogGroupsCommand({ logGroupNamePrefix: name, limit: 50 })), 'logs:DescribeLogGroups');
  return isRefused(out) ? out : (out.logGroups ?? []).some((g) => g.logGroupName === name);
}

export async function loggingCheck(clients: ClientManager, reads: ExecReads): Promise<ReadinessCheck | undefined> {
  const found = await execConfig(reads);
  if (!found) return undefined;
  const { config, cluster } = found;
  const id = 'exec-logging';
  const name = cluster.clusterName ?? resourceName(cluster.clusterArn);
  switch (config.logging ?? 'DEFAULT') {
    case 'NONE':
      return { id, ok: true, message: `Cluster ${name} does not log ECS Exec sessions (logging NONE).` };
    case 'DEFAULT':
      return { id, ok: true, message: `Cluster ${name} logs ECS Exec sessions where each container's awslogs configuration sends its output (logging DEFAULT; none: not logged).` };
  }
  const group = config.logConfiguration?.cloudWatchLogGroupName;
  const bucket = config.logConfiguration?.s3BucketName;
  if (!group && !bucket) {
    return { id, ok: false, message: `Cluster ${name} logs sessions to a destination of its own (logging OVERRIDE) but names no log group or S3 bucket.`, fix: 'Name a CloudWatch log group or an S3 bucket in the cluster\'s executeCommandConfiguration.logConfiguration (UpdateCluster), or set logging to DEFAULT.' };
  }
  const places = [group && `log group ${group}`, bucket && `S3 bucket ${bucket}${config.logConfiguration?.s3KeyPrefix ? `/${config.logConfiguration.s3KeyPrefix}` : ''}`].filter(Boolean).join(' and ');
  const exists = group ? await logGroupExists(clients, reads, group) : true;
  if (isRefused(exists)) return { id, ok: true, unverified: true, message: `Cluster ${name} logs sessions to ${places}; could not check that the log group exists: ${exists.refused}.` };
  if (!exists) return { id, ok: false, message: `Cluster ${name} logs sessions to log group ${group}, which does not exist.`, fix: `Create log group ${group} (CloudWatch Logs CreateLogGroup) in this region, or change the cluster's executeCommandConfiguration.` };
  return { id, ok: true, message: `Cluster ${name} logs sessions to ${places} (logging OVERRIDE)${bucket ? '; the bucket itself is not checked here' : ''}.` };
}

/** With logging OVERRIDE: may the task role write where the sessions are logged? */
export async function loggingPermissionsCheck(clients: ClientManager, reads: ExecReads): Promise<ReadinessCheck | undefined> {
  const found = await execConfig(reads);
  const role = await reads.taskRoleArn;
  const lc = found?.config.logConfiguration;
  if (!found || found.config.logging !== 'OVERRIDE' || !lc || isRefused(role) || !role) return undefined;
  const arn = parseArn(found.cluster.clusterArn);
  if (!arn) return undefined;
  const questions: { actions: string[]; resource: string }[] = [];
  if (lc.cloudWatchLogGroupName) {
    questions.push({ actions: ['logs:DescribeLogGroups'], resource: '*' });
    questions.push({ actions: ['logs:CreateLogStream', 'logs:DescribeLogStreams', 'logs:PutLogEvents'], resource: formatArn({ ...arn, service: 'logs', resource: `log-group:${lc.cloudWatchLogGroupName}:*` }) });
  }
  if (lc.s3BucketName) {
    const bucket = formatArn({ partition: arn.partition, service: 's3', region: '', account: '', resource: lc.s3BucketName });
    questions.push({ actions: ['s3:PutObject'], resource: `${bucket}/${lc.s3KeyPrefix ?? ''}*` });
    if (lc.s3EncryptionEnabled) questions.push({ actions: ['s3:GetEncryptionConfiguration'], resource: bucket });
  }
  const name = resourceName(role);
  const checks = await Promise.all(questions.map(async (q) => permissionCheck({
    id: 'exec-logging-permissions', who: `task role ${name}`, actions: q.actions, resource: q.resource === '*' ? undefined : q.resource,
    fix: (missing) => `Allow ${missing.join(', ')} on ${q.resource} in a policy of role ${name}: the agent writes the session log with the task role.`,
  }, await simulate(clients, reads.scope, role, q.actions, q.resource === '*' ? undefined : q.resource))));
  const failed = checks.filter((c) => !c.ok);
  const unverified = checks.find((c) => c.unverified);
  if (failed.length) return { id: 'exec-logging-permissions', ok: false, message: failed.map((c) => c.message).join(' '), fix: failed.map((c) => c.fix).join(' ') };
  if (unverified) return unverified;
  return { id: 'exec-logging-permissions', ok: true, message: `Task role ${name} may write the session logs (${questions.flatMap((q) => q.actions).join(', ')}).` };
}

/** The KMS key: configured or not; when it is, it exists and is enabled, you may GenerateDataKey and the task role Decrypt. */
export async function kmsChecks(clients: ClientManager, reads: ExecReads): Promise<ReadinessCheck[]> {
  const found = await execConfig(reads);
  if (!found) return [];
  const keyId = found.config.kmsKeyId;
  if (!keyId) return [{ id: 'kms-key', ok: true, message: 'The cluster names no KMS key for ECS Exec: session data is encrypted with TLS only.' }];
  const { sdk, client } = await clients.clientWithSdk('kms', reads.scope);
  let key;
  try {
    key = await refusable(client.send(new sdk.kms.DescribeKeyCommand({ KeyId: keyId })), 'kms:DescribeKey');
  } catch (e) {
    if (describeAwsError(e).code !== 'NotFoundException') throw e;
    return [{ id: 'kms-key', ok: false, message: `The cluster's ECS Exec KMS key ${keyId} does not exist in this region.`, fix: 'Point the cluster\'s executeCommandConfiguration.kmsKeyId at a key that exists (UpdateCluster), or remove it.' }];
  }
  if (isRefused(key)) return [{ id: 'kms-key', ok: true, unverified: true, message: `Could not read the cluster's ECS Exec KMS key ${keyId}: ${key.refused}.` }];
  const meta = key.KeyMetadata;
  const keyArn = meta?.Arn ?? keyId;
  if (meta?.KeyState !== 'Enabled') {
    return [{ id: 'kms-key', ok: false, message: `The cluster's ECS Exec KMS key ${keyArn} is ${meta?.KeyState ?? 'not usable'}.`, fix: `Enable key ${keyArn} (KMS EnableKey), or point the cluster's executeCommandConfiguration.kmsKeyId at an enabled key.` }];
  }
  const role = await reads.taskRoleArn;
  const [caller, taskRole] = await Promise.all([
    callerPermission(clients, reads, {
      id: 'caller-kms', actions: ['kms:GenerateDataKey'], resource: `key ${keyArn}`,
      fix: () => `Allow kms:GenerateDataKey on ${keyArn} to you, in an IAM policy and in the key's key policy: your side of the session makes the data key.`,
    }, keyArn),
    typeof role === 'string'
      ? simulate(clients, reads.scope, role, ['kms:Decrypt'], keyArn).then((s) => permissionCheck({
        id: 'task-role-kms', who: `task role ${resourceName(role)}`, actions: ['kms:Decrypt'], resource: `key ${keyArn}`,
        fix: () => `Allow kms:Decrypt on ${keyArn} to role ${resourceName(role)} (its IAM policy and the key policy): the agent opens the data key with it.`,
      }, s))
      : undefined,
  ]);
  return [{ id: 'kms-key', ok: true, message: `The cluster encrypts ECS Exec sessions with KMS key ${keyArn} (enabled).` }, caller, ...(taskRole ? [taskRole] : [])];
}
