import { createCipheriv, createDecipheriv, randomBytes } from 'crypto';

/**
 * Session encryption when the agent asks for it (the handshake's KMSEncryption action): the client
 * has KMS generate a 64-byte data key under the session's key, with the encryption context below, and
 * hands the agent the encrypted copy. The agent encrypts with the first 32 bytes, the client with the
 * last 32 (so each side decrypts with the other's half). Each payload is AES-256-GCM: a random 12-byte
 * nonce, then the ciphertext with its 16-byte tag.
 */
export const DATA_KEY_BYTES = 64;
const NONCE_BYTES = 12;
const TAG_BYTES = 16;

export interface DataKey {
  /** The 64 key bytes. */
  plaintext: Uint8Array;
  /** KMS's encrypted copy: what the agent decrypts. */
  ciphertextBlob: Uint8Array;
}

/** KMS GenerateDataKey { KeyId, NumberOfBytes: 64, EncryptionContext }, injected so src/ssm needs no SDK. */
export type GenerateDataKey = (request: { keyId: string; numberOfBytes: number; encryptionContext: Record<string, string> }) => Promise<DataKey>;

/** The encryption context the reference client binds the data key to. */
export function sessionEncryptionContext(sessionId: string, targetId: string): Record<string, string> {
  return { 'aws:ssm:SessionId': sessionId, 'aws:ssm:TargetId': targetId };
}

export class SessionEncryption {
  private readonly decryptKey: Buffer;
  private readonly encryptKey: Buffer;

  constructor(
    plaintextKey: Uint8Array,
    readonly ciphertextBlob: Uint8Array,
    /** 'client' (us) or 'agent' (the emulator's side in tests): which half encrypts. */
    side: 'client' | 'agent' = 'client',
  ) {
    const key = Buffer.from(plaintextKey);
    if (key.length !== DATA_KEY_BYTES) throw new Error(`The session data key has ${key.length} bytes; KMS was asked for ${DATA_KEY_BYTES}.`);
    const agentHalf = key.subarray(0, key.length / 2);
    const clientHalf = key.subarray(key.length / 2);
    this.encryptKey = side === 'client' ? clientHalf : agentHalf;
    this.decryptKey = side === 'client' ? agentHalf : clientHalf;
  }

  static async generate(generateDataKey: GenerateDataKey, keyId: string, sessionId: string, targetId: string): Promise<SessionEncryption> {
    const key = await generateDataKey({ keyId, numberOfBytes: DATA_KEY_BYTES, encryptionContext: sessionEncryptionContext(sessionId, targetId) });
    return new SessionEncryption(key.plaintext, key.ciphertextBlob);
  }

  encrypt(plaintext: Buffer): Buffer {
    const nonce = randomBytes(NONCE_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.encryptKey, nonce);
    return Buffer.concat([nonce, cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]);
  }

  decrypt(sealed: Buffer): Buffer {
    if (sealed.length < NONCE_BYTES + TAG_BYTES) throw new Error(`An encrypted payload has at least ${NONCE_BYTES + TAG_BYTES} bytes; this one has ${sealed.length}.`);
    const nonce = sealed.subarray(0, NONCE_BYTES);
    const tag = sealed.subarray(sealed.length - TAG_BYTES);
    const decipher = createDecipheriv('aes-256-gcm', this.decryptKey, nonce);
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(sealed.subarray(NONCE_BYTES, sealed.length - TAG_BYTES)), decipher.final()]);
  }
}
