/**
 * ECS Exec's session encryption: with a cluster `executeCommandConfiguration.kmsKeyId`, the data
 * between the client and the agent is encrypted with a data key of that KMS key
 * (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs-exec.html, "Encrypt the data
 * between the local client and the container"). The client generates the data key; the agent opens
 * it with KMS Decrypt, as the task role: a role without kms:Decrypt on the key fails the handshake.
 */
import type { AgentSessionSpec } from '../../../agent/types';
import { AwsError } from '../../../kit/errors';
import type { Region } from '../../../kit/world';
import { decryptDataKey, kmsState } from '../../kms/index';
import type { ClusterRecord } from '../state';
import { roleAllows } from './taskRole';

export function sessionKms(region: Region, cluster: ClusterRecord, taskRoleArn: string): AgentSessionSpec['kms'] {
  const keyId = cluster.configuration?.executeCommandConfiguration?.kmsKeyId;
  if (!keyId) {
    return undefined;
  }
  return {
    keyId,
    decrypt: (ciphertext, context) => {
      const keyArn = kmsState(region).usable(keyId).metadata.Arn;
      if (!roleAllows(region, taskRoleArn, ['kms:Decrypt'], keyArn)) {
        throw new AwsError('AccessDeniedException', `${taskRoleArn} is not authorized to perform: kms:Decrypt on resource: ${keyArn}`);
      }
      return decryptDataKey(region.core, region.name, ciphertext, context);
    },
  };
}
