/**
 * KMS keys and aliases of one region. Symmetric keys only (SYMMETRIC_DEFAULT, ENCRYPT_DECRYPT): what
 * ECS Exec's session encryption and audit logs use. The ciphertext is the emulator's own opaque
 * format — AWS documents its ciphertext blob as opaque too — : a version byte, the key id, and
 * AES-256-GCM over the plaintext with the encryption context as additional authenticated data, so a
 * different context fails to decrypt as it does in KMS
 * (https://docs.aws.amazon.com/kms/latest/developerguide/encrypt_context.html).
 */
import * as crypto from 'crypto';
import type * as kms from '../../generated/kms';
import { ACCOUNT, arn } from '../../kit/arn';
import { AwsError } from '../../kit/errors';
import type { Has } from '../../kit/extras';
import { perRegion, type Region } from '../../kit/world';

export interface KeyRecord {
  metadata: Has<kms.KeyMetadata, 'Arn' | 'KeyState' | 'Enabled'>;
  material: Buffer;
}

interface AliasRecord {
  entry: Has<kms.AliasListEntry, 'AliasName' | 'AliasArn' | 'TargetKeyId'>;
}

const VERSION = 1;
const KEY_ID_LENGTH = 36;

/** The canonical bytes of an encryption context: its pairs sorted by key. */
function contextBytes(context: Record<string, string> | undefined): Buffer {
  return Buffer.from(JSON.stringify(Object.entries(context ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))));
}

export class KmsState {
  readonly keys = new Map<string, KeyRecord>();
  readonly aliases = new Map<string, AliasRecord>();

  constructor(private readonly region: Region) {}

  create(input: kms.CreateKeyRequest, id = this.region.core.rnd.uuid(), at = this.region.now()): KeyRecord {
    const spec = input.KeySpec ?? input.CustomerMasterKeySpec ?? 'SYMMETRIC_DEFAULT';
    if (spec !== 'SYMMETRIC_DEFAULT' || (input.KeyUsage ?? 'ENCRYPT_DECRYPT') !== 'ENCRYPT_DECRYPT') {
      throw new AwsError('UnsupportedOperationException', `The emulator serves symmetric encryption keys only (KeySpec SYMMETRIC_DEFAULT, KeyUsage ENCRYPT_DECRYPT), not ${spec}.`);
    }
    const record: KeyRecord = {
      metadata: {
        KeyId: id, AWSAccountId: ACCOUNT, Arn: arn('kms', this.region.name, `key/${id}`), CreationDate: at, Enabled: true,
        Description: input.Description ?? '', KeyUsage: 'ENCRYPT_DECRYPT', KeyState: 'Enabled', Origin: 'AWS_KMS', KeyManager: 'CUSTOMER',
        CustomerMasterKeySpec: 'SYMMETRIC_DEFAULT', KeySpec: 'SYMMETRIC_DEFAULT', EncryptionAlgorithms: ['SYMMETRIC_DEFAULT'], MultiRegion: false,
      },
      material: Buffer.from(this.region.core.rnd.hex(64), 'hex'),
    };
    this.keys.set(id, record);
    return record;
  }

  createAlias(name: string, targetKeyId: string, at = this.region.now()): void {
    if (!/^alias\/[a-zA-Z0-9/_-]+$/.test(name) || name.startsWith('alias/aws/')) {
      throw new AwsError('InvalidAliasNameException', `Alias name ${name} must begin with alias/, not alias/aws/, and hold only letters, digits, /, _ and -.`);
    }
    const aliasArn = arn('kms', this.region.name, name);
    if (this.aliases.has(name)) {
      throw new AwsError('AlreadyExistsException', `An alias with the name ${aliasArn} already exists`);
    }
    const key = this.find(targetKeyId);
    this.aliases.set(name, { entry: { AliasName: name, AliasArn: aliasArn, TargetKeyId: key.metadata.KeyId, CreationDate: at, LastUpdatedDate: at } });
  }

  /** A key by id, key ARN, alias name or alias ARN (https://docs.aws.amazon.com/kms/latest/developerguide/concepts.html#key-id). */
  find(keyId: string): KeyRecord {
    const aliasName = /^alias\//.test(keyId) ? keyId : /^arn:[\w-]+:kms:[\w-]+:\d{12}:(alias\/.+)$/.exec(keyId)?.[1];
    if (aliasName) {
      const alias = this.aliases.get(aliasName);
      if (!alias) {
        throw new AwsError('NotFoundException', `Alias ${arn('kms', this.region.name, aliasName)} is not found.`);
      }
      return this.keys.get(alias.entry.TargetKeyId)!;
    }
    const id = /^arn:[\w-]+:kms:[\w-]+:\d{12}:key\/(.+)$/.exec(keyId)?.[1] ?? keyId;
    if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(id)) {
      throw new AwsError('NotFoundException', `Invalid keyId '${keyId}'`);
    }
    const key = this.keys.get(id);
    if (!key) {
      throw new AwsError('NotFoundException', `Key '${arn('kms', this.region.name, `key/${id}`)}' does not exist`);
    }
    return key;
  }

  /** A key that may encrypt and decrypt now. */
  usable(keyId: string): KeyRecord {
    const key = this.find(keyId);
    if (!key.metadata.Enabled) {
      throw new AwsError('DisabledException', `${key.metadata.Arn} is disabled.`);
    }
    return key;
  }

  setEnabled(keyId: string, enabled: boolean): void {
    const key = this.find(keyId);
    key.metadata.Enabled = enabled;
    key.metadata.KeyState = enabled ? 'Enabled' : 'Disabled';
  }

  encrypt(key: KeyRecord, plaintext: Buffer, context: Record<string, string> | undefined): Buffer {
    const iv = crypto.randomBytes(12);
    const cipher = crypto.createCipheriv('aes-256-gcm', key.material, iv);
    cipher.setAAD(contextBytes(context));
    const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
    return Buffer.concat([Buffer.from([VERSION]), Buffer.from(key.metadata.KeyId, 'ascii'), iv, cipher.getAuthTag(), body]);
  }

  /** The plaintext and key of a ciphertext this region's KMS made; InvalidCiphertextException for anything else. */
  decrypt(ciphertext: Uint8Array, context: Record<string, string> | undefined): { key: KeyRecord; plaintext: Buffer } {
    const blob = Buffer.from(ciphertext);
    const key = blob[0] === VERSION && blob.length >= 1 + KEY_ID_LENGTH + 28 ? this.keys.get(blob.subarray(1, 1 + KEY_ID_LENGTH).toString('ascii')) : undefined;
    if (!key) {
      throw new AwsError('InvalidCiphertextException', '');
    }
    if (!key.metadata.Enabled) {
      throw new AwsError('DisabledException', `${key.metadata.Arn} is disabled.`);
    }
    const at = 1 + KEY_ID_LENGTH;
    try {
      const decipher = crypto.createDecipheriv('aes-256-gcm', key.material, blob.subarray(at, at + 12));
      decipher.setAAD(contextBytes(context));
      decipher.setAuthTag(blob.subarray(at + 12, at + 28));
      return { key, plaintext: Buffer.concat([decipher.update(blob.subarray(at + 28)), decipher.final()]) };
    } catch {
      // A wrong encryption context and a damaged ciphertext look the same to KMS.
      throw new AwsError('InvalidCiphertextException', '');
    }
  }
}

export const kmsState = perRegion('kms', (region) => new KmsState(region));
