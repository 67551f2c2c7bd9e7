/**
 * Session encryption with a KMS data key, as the agent (crypto/blockcipher.go) and the plugin
 * (src/encryption) share it: the client asks KMS GenerateDataKey for 64 bytes under the session's key
 * with the encryption context {aws:ssm:SessionId, aws:ssm:TargetId} and sends the ciphertext blob in
 * its HandshakeResponse; the agent decrypts it with the same context. The first 32 bytes are the
 * agent's sending key, the last 32 the client's. Each payload is AES-256-GCM with a random 12-byte
 * nonce put in front: nonce ‖ ciphertext ‖ 16-byte tag.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'crypto';

const NONCE_SIZE = 12;
const TAG_SIZE = 16;
export const DATA_KEY_SIZE = 64;

export function encryptionContext(sessionId: string, target: string): Record<string, string> {
  return { 'aws:ssm:SessionId': sessionId, 'aws:ssm:TargetId': target };
}

export class SessionCipher {
  private readonly sendKey: Buffer;
  private readonly receiveKey: Buffer;

  constructor(dataKey: Buffer) {
    if (dataKey.length !== DATA_KEY_SIZE) {
      throw new Error(`the session data key has ${dataKey.length} bytes, not ${DATA_KEY_SIZE}`);
    }
    this.sendKey = dataKey.subarray(0, DATA_KEY_SIZE / 2);
    this.receiveKey = dataKey.subarray(DATA_KEY_SIZE / 2);
  }

  encrypt(plain: Buffer): Buffer {
    return sealWith(this.sendKey, plain);
  }

  decrypt(sealed: Buffer): Buffer {
    return openWith(this.receiveKey, sealed);
  }
}

export function sealWith(key: Buffer, plain: Buffer): Buffer {
  const nonce = randomBytes(NONCE_SIZE);
  const c = createCipheriv('aes-256-gcm', key, nonce);
  return Buffer.concat([nonce, c.update(plain), c.final(), c.getAuthTag()]);
}

export function openWith(key: Buffer, sealed: Buffer): Buffer {
  if (sealed.length < NONCE_SIZE + TAG_SIZE) {
    throw new Error('encrypted payload is too short');
  }
  const d = createDecipheriv('aes-256-gcm', key, sealed.subarray(0, NONCE_SIZE));
  d.setAuthTag(sealed.subarray(sealed.length - TAG_SIZE));
  return Buffer.concat([d.update(sealed.subarray(NONCE_SIZE, sealed.length - TAG_SIZE)), d.final()]);
}
