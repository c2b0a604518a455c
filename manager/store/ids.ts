// Object ids: 128 random bits in base36, 25 characters, like swarmkit's identity.NewID.
// Chosen by the proposer before a transaction is proposed, never inside apply.
import * as crypto from 'crypto';

export const ID_LENGTH = 25;

export function newId(randomBytes: (n: number) => Uint8Array = crypto.randomBytes): string {
  const hex = Buffer.from(randomBytes(16)).toString('hex');
  return BigInt('0x' + hex)
    .toString(36)
    .padStart(ID_LENGTH, '0');
}
