// Join tokens in Docker Swarm's shape: SWMTKN-1-<CA digest>-<secret>, both parts base36
// and zero-padded to fixed widths (50 chars hold a sha256, 25 chars hold 128 bits). The
// digest part lets a joining node pin the CA before it trusts anything the remote sends;
// the secret part decides the role the CA will sign.
import * as crypto from 'crypto';
import { certificateDigest } from './pki';
import { NodeRole } from './roles';

export const TOKEN_PREFIX = 'SWMTKN';
export const TOKEN_VERSION = '1';
export const DIGEST_CHARS = 50; // ceil(log36(2^256))
export const SECRET_CHARS = 25; // ceil(log36(2^128))
export const SECRET_BYTES = 16;

export class JoinTokenError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'JoinTokenError';
  }
}

export interface ParsedJoinToken {
  /** sha256 of the root CA certificate's DER, lowercase hex (64 chars). */
  caDigest: string;
  /** The base36 secret part, as it appears in the token. */
  secret: string;
}

export interface JoinTokens {
  worker: string;
  manager: string;
}

const BASE36 = /^[0-9a-z]+$/;

function toBase36(value: bigint, width: number): string {
  return value.toString(36).padStart(width, '0');
}

function fromBase36(text: string): bigint {
  let n = 0n;
  for (const ch of text) n = n * 36n + BigInt(parseInt(ch, 36));
  return n;
}

function checkDigestHex(digest: string): string {
  if (!/^[0-9a-f]{64}$/.test(digest))
    throw new JoinTokenError(`CA digest must be 64 lowercase hex characters, got "${digest}"`);
  return digest;
}

/** A fresh token for the CA with this digest; `randomBytes` is injectable for tests. */
export function generateJoinToken(
  caDigest: string,
  randomBytes: (n: number) => Uint8Array = crypto.randomBytes,
): string {
  const digest = BigInt('0x' + checkDigestHex(caDigest));
  const secretBytes = randomBytes(SECRET_BYTES);
  if (secretBytes.length !== SECRET_BYTES) throw new JoinTokenError(`expected ${SECRET_BYTES} random bytes`);
  const secret = BigInt('0x' + Buffer.from(secretBytes).toString('hex'));
  return `${TOKEN_PREFIX}-${TOKEN_VERSION}-${toBase36(digest, DIGEST_CHARS)}-${toBase36(secret, SECRET_CHARS)}`;
}

export function generateJoinTokens(caDigest: string): JoinTokens {
  return { worker: generateJoinToken(caDigest), manager: generateJoinToken(caDigest) };
}

/** Replaces one role's token with a new secret; the other stays valid. */
export function rotateJoinToken(tokens: JoinTokens, role: NodeRole, caDigest: string): JoinTokens {
  return { ...tokens, [role]: generateJoinToken(caDigest) };
}

export function parseJoinToken(token: unknown): ParsedJoinToken {
  if (typeof token !== 'string' || token.length === 0) throw new JoinTokenError('join token is empty');
  const parts = token.trim().split('-');
  if (parts[0] !== TOKEN_PREFIX) {
    throw new JoinTokenError(`join token must start with "${TOKEN_PREFIX}-", got "${parts[0].slice(0, 16)}"`);
  }
  if (parts.length !== 4) {
    throw new JoinTokenError(
      `join token must have 4 dash-separated parts (${TOKEN_PREFIX}-1-<digest>-<secret>), got ${parts.length}`,
    );
  }
  const [, version, digestPart, secretPart] = parts;
  if (version !== TOKEN_VERSION) {
    throw new JoinTokenError(
      `join token version "${version}" is not supported (expected "${TOKEN_VERSION}")`,
    );
  }
  if (digestPart.length !== DIGEST_CHARS || !BASE36.test(digestPart)) {
    throw new JoinTokenError(
      `join token CA digest must be ${DIGEST_CHARS} base36 characters, got ${digestPart.length}${BASE36.test(digestPart) ? '' : ' (with invalid characters)'}`,
    );
  }
  if (secretPart.length !== SECRET_CHARS || !BASE36.test(secretPart)) {
    throw new JoinTokenError(
      `join token secret must be ${SECRET_CHARS} base36 characters, got ${secretPart.length}${BASE36.test(secretPart) ? '' : ' (with invalid characters)'}`,
    );
  }
  const digest = fromBase36(digestPart);
  if (digest >= 1n << 256n) throw new JoinTokenError('join token CA digest is out of range for sha256');
  if (fromBase36(secretPart) >= 1n << 128n) throw new JoinTokenError('join token secret is out of range');
  return { caDigest: digest.toString(16).padStart(64, '0'), secret: secretPart };
}

/**
 * The joining side's pin check: does the CA certificate the remote just sent hash to the
 * digest in our token? Call this before sending the token anywhere; on mismatch the
 * remote is not our cluster (or is an attacker) and must not see the secret.
 */
export function verifyRemoteCA(token: string, caCertPem: string): ParsedJoinToken {
  const parsed = parseJoinToken(token);
  const actual = certificateDigest(caCertPem);
  if (actual !== parsed.caDigest) {
    throw new JoinTokenError(
      `the remote's root CA (sha256:${actual}) does not match the join token (sha256:${parsed.caDigest}); refusing to send the token`,
    );
  }
  return parsed;
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && crypto.timingSafeEqual(x, y);
}

/**
 * The CA side: which role does this token grant? Throws JoinTokenError when the token is
 * malformed, pinned to another CA, or its secret matches neither current token.
 */
export function roleForJoinToken(token: string, current: JoinTokens, caDigest: string): NodeRole {
  const presented = parseJoinToken(token);
  if (presented.caDigest !== caDigest) {
    throw new JoinTokenError('join token was issued for a different root CA (it may have been rotated)');
  }
  // Check both without short-circuiting so timing does not reveal which one matched.
  const isWorker = sameSecret(presented.secret, parseJoinToken(current.worker).secret);
  const isManager = sameSecret(presented.secret, parseJoinToken(current.manager).secret);
  if (isManager) return 'manager';
  if (isWorker) return 'worker';
  throw new JoinTokenError('invalid join token: the secret matches neither the worker nor the manager token');
}
