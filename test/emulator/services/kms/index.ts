/**
 * AWS KMS, as far as ECS Exec needs it: CreateKey, DescribeKey, GenerateDataKey, Decrypt,
 * ListAliases, CreateAlias, EnableKey, DisableKey (shapes from the SDK's schemas: ../shared has no
 * KMS model). `decryptDataKey` is how the emulator's other services (the ECS Exec agent) open a data
 * key the client generated, as the SSM agent asks KMS to.
 */
import type * as kms from '../../generated/kms';
import { AwsError } from '../../kit/errors';
import { page } from '../../kit/paging';
import { defineService } from '../../kit/service';
import type { Core, Region } from '../../kit/world';
import { kmsState } from './state';

export { kmsState } from './state';

/** The demo account's key for ECS Exec session encryption and audit logs (alias `alias/ecs-exec`). */
export const DEMO_EXEC_KEY_ID = '0e5ec0de-1a2b-4c3d-8e4f-ec5e0000e7ec';

export function seedKms(region: Region, at = region.now()): void {
  const state = kmsState(region);
  state.create({ Description: 'ECS Exec session encryption and audit logs' }, DEMO_EXEC_KEY_ID, at);
  state.createAlias('alias/ecs-exec', DEMO_EXEC_KEY_ID, at);
}

/**
 * The plaintext of a data key GenerateDataKey made in `region`, with the encryption context it was
 * made with; throws AwsError InvalidCiphertextException (other context, other key, damaged) or
 * DisabledException.
 */
export function decryptDataKey(core: Core, region: string, ciphertext: Uint8Array, context?: Record<string, string>): Buffer {
  return kmsState(core.region(region)).decrypt(ciphertext, context).plaintext;
}

/** GenerateDataKey's length: NumberOfBytes (1-1024) or KeySpec, exactly one of them (API_GenerateDataKey.html). */
function dataKeyLength(input: kms.GenerateDataKeyRequest): number {
  if ((input.NumberOfBytes === undefined) === (input.KeySpec === undefined)) {
    throw new AwsError('ValidationException', 'Please specify either number of bytes or key spec.');
  }
  if (input.KeySpec) {
    return input.KeySpec === 'AES_128' ? 16 : 32;
  }
  const n = input.NumberOfBytes!;
  if (!Number.isInteger(n) || n < 1 || n > 1024) {
    throw new AwsError('ValidationException', `1 validation error detected: Value '${n}' at 'numberOfBytes' failed to satisfy constraint: Member must have value between 1 and 1024`);
  }
  return n;
}

export const kmsService = defineService<kms.Operations>({
  model: 'kms',
  iamPrefix: 'kms',
  pageTokens: { error: 'InvalidMarkerException', message: 'The marker is not valid.' },
  handlers: {
    CreateKey: (input, { region }) => ({ KeyMetadata: kmsState(region).create(input).metadata }),
    DescribeKey: (input, { region }) => ({ KeyMetadata: kmsState(region).find(input.KeyId).metadata }),
    GenerateDataKey: (input, { region, core }) => {
      const state = kmsState(region);
      const key = state.usable(input.KeyId);
      const plaintext = Buffer.from(core.rnd.hex(dataKeyLength(input) * 2), 'hex');
      return { KeyId: key.metadata.Arn, Plaintext: plaintext, CiphertextBlob: state.encrypt(key, plaintext, input.EncryptionContext) };
    },
    Decrypt: (input, { region }) => {
      const state = kmsState(region);
      if (!input.CiphertextBlob) {
        throw new AwsError('ValidationException', '1 validation error detected: Value null at \'ciphertextBlob\' failed to satisfy constraint: Member must not be null');
      }
      // JSON protocols carry blobs as base64 text.
      const blob = typeof input.CiphertextBlob === 'string' ? Buffer.from(input.CiphertextBlob, 'base64') : input.CiphertextBlob;
      const { key, plaintext } = state.decrypt(blob, input.EncryptionContext);
      if (input.KeyId && state.find(input.KeyId) !== key) {
        throw new AwsError('IncorrectKeyException', 'The key ID in the request does not identify a CMK that can perform this operation.');
      }
      return { KeyId: key.metadata.Arn, Plaintext: plaintext, EncryptionAlgorithm: 'SYMMETRIC_DEFAULT' };
    },
    ListAliases: (input, { region }) => {
      const state = kmsState(region);
      const keyId = input.KeyId && state.find(input.KeyId).metadata.KeyId;
      const aliases = [...state.aliases.values()].map((a) => a.entry).filter((a) => !keyId || a.TargetKeyId === keyId).sort((a, b) => (a.AliasName < b.AliasName ? -1 : 1));
      const p = page(aliases, input.Limit, input.Marker, { def: 50, max: 100, error: 'ValidationException', sizeName: 'Limit' });
      return { Aliases: p.items, NextMarker: p.next, Truncated: p.next !== undefined };
    },
    CreateAlias: (input, { region }) => {
      kmsState(region).createAlias(input.AliasName, input.TargetKeyId);
      return {};
    },
    EnableKey: (input, { region }) => {
      kmsState(region).setEnabled(input.KeyId, true);
      return {};
    },
    DisableKey: (input, { region }) => {
      kmsState(region).setEnabled(input.KeyId, false);
      return {};
    },
  },
});
