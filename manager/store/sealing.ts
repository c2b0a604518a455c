// Encryption at rest for secret data (and the CA key) in the raft log and snapshots:
// AES-256-GCM under a data-encryption key (DEK) that managers hold outside the store.
// Sealing happens on the proposing manager (random nonce), so every manager stores the
// identical ciphertext and apply stays deterministic. The object's table and id are
// bound in as associated data, so sealed data cannot be moved to another object.
//
// Sealed form: "v1.<keyId>.<base64(nonce | ciphertext | tag)>". The key id lets a
// keyring hold old keys after a rotation.
import * as crypto from 'crypto';
import * as fs from 'fs';

const VERSION = 'v1';
const NONCE_BYTES = 12;
const TAG_BYTES = 16;
export const KEY_BYTES = 32;

export class SealingError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'SealingError';
  }
}

export interface DataKey {
  id: string;
  key: Buffer;
}

export function generateDataKey(): DataKey {
  return { id: crypto.randomBytes(6).toString('hex'), key: crypto.randomBytes(KEY_BYTES) };
}

/** What is written to disk: "<id>:<base64 key>". */
export function encodeDataKey(k: DataKey): string {
  return `${k.id}:${k.key.toString('base64')}`;
}

export function decodeDataKey(text: string): DataKey {
  const m = /^([0-9a-f]{1,32}):([A-Za-z0-9+/=]+)$/.exec(text.trim());
  if (!m) throw new SealingError('data key: expected "<hex id>:<base64 key>"');
  const key = Buffer.from(m[2], 'base64');
  if (key.length !== KEY_BYTES)
    throw new SealingError(`data key: must be ${KEY_BYTES} bytes, got ${key.length}`);
  return { id: m[1], key };
}

/** Reads the manager's DEK file, creating it (mode 0600) on first start. */
export function loadOrCreateDataKeyFile(file: string): DataKey {
  try {
    return decodeDataKey(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  const k = generateDataKey();
  fs.writeFileSync(file, encodeDataKey(k) + '\n', { mode: 0o600, flag: 'wx' });
  return k;
}

export function associatedData(table: string, id: string): string {
  return `shoal/${table}/${id}`;
}

/** The current key seals; any known key opens (old keys stay until data is re-sealed). */
export class KeyRing {
  private readonly keys = new Map<string, Buffer>();
  private currentId: string;

  constructor(current: DataKey, old: DataKey[] = []) {
    for (const k of [...old, current]) {
      if (k.key.length !== KEY_BYTES) throw new SealingError(`data key ${k.id}: must be ${KEY_BYTES} bytes`);
      this.keys.set(k.id, Buffer.from(k.key));
    }
    this.currentId = current.id;
  }

  rotate(next: DataKey): void {
    this.keys.set(next.id, Buffer.from(next.key));
    this.currentId = next.id;
  }

  seal(plaintext: Uint8Array, aad: string): string {
    const nonce = crypto.randomBytes(NONCE_BYTES);
    const cipher = crypto.createCipheriv('aes-256-gcm', this.keys.get(this.currentId)!, nonce);
    cipher.setAAD(Buffer.from(aad));
    const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
    const sealed = Buffer.concat([nonce, body, cipher.getAuthTag()]);
    return `${VERSION}.${this.currentId}.${sealed.toString('base64')}`;
  }

  open(sealed: string, aad: string): Buffer {
    const parts = typeof sealed === 'string' ? sealed.split('.') : [];
    if (parts.length !== 3 || parts[0] !== VERSION)
      throw new SealingError('sealed data: not in the v1.<key>.<data> form');
    const key = this.keys.get(parts[1]);
    if (!key) throw new SealingError(`sealed data: key ${parts[1]} is not known to this manager`);
    const raw = Buffer.from(parts[2], 'base64');
    if (raw.length < NONCE_BYTES + TAG_BYTES) throw new SealingError('sealed data: too short');
    const decipher = crypto.createDecipheriv('aes-256-gcm', key, raw.subarray(0, NONCE_BYTES));
    decipher.setAAD(Buffer.from(aad));
    decipher.setAuthTag(raw.subarray(raw.length - TAG_BYTES));
    try {
      return Buffer.concat([
        decipher.update(raw.subarray(NONCE_BYTES, raw.length - TAG_BYTES)),
        decipher.final(),
      ]);
    } catch (err) {
      throw new SealingError('sealed data: authentication failed (wrong key, or data moved/tampered with)', {
        cause: err,
      });
    }
  }
}

/** True when a string looks sealed (cheap check used by apply; it cannot decrypt). */
export function isSealed(value: unknown): boolean {
  return typeof value === 'string' && /^v1\.[0-9a-f]{1,32}\.[A-Za-z0-9+/=]+$/.test(value);
}
