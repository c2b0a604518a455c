// Object ids: 128 random bits in base36, 25 characters, like swarmkit's identity.NewID.
// Chosen by the proposer before a transaction is proposed, never inside apply.
import * as crypto from 'crypto';

export const ID_LENGTH = 25;

// Random bytes come from a pool filled 4 KiB at a time: one call into the CSPRNG per
// id was a visible cost when the orchestrator creates thousands of tasks at once.
const POOL_BYTES = 4096;
const pool = Buffer.alloc(POOL_BYTES);
let poolOffset = POOL_BYTES;

function pooledRandomBytes(n: number): Uint8Array {
  if (poolOffset + n > POOL_BYTES) {
    crypto.randomFillSync(pool);
    poolOffset = 0;
  }
  const out = pool.subarray(poolOffset, poolOffset + n);
  poolOffset += n;
  return out;
}

export function newId(randomBytes: (n: number) => Uint8Array = pooledRandomBytes): string {
  const b = randomBytes(16);
  const buf = Buffer.from(b.buffer, b.byteOffset, 16);
  return ((buf.readBigUInt64BE(0) << 64n) | buf.readBigUInt64BE(8)).toString(36).padStart(ID_LENGTH, '0');
}
