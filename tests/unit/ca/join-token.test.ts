import * as crypto from 'crypto';
import {
  generateJoinToken,
  generateJoinTokens,
  parseJoinToken,
  rotateJoinToken,
  roleForJoinToken,
  verifyRemoteCA,
  JoinTokenError,
} from '../../../manager/ca/join-token';
import { CertificateAuthority } from '../../../manager/ca/authority';

const digest = crypto.createHash('sha256').update('some ca').digest('hex');

describe('join tokens', () => {
  it('have the swarm shape and round-trip the digest', () => {
    const token = generateJoinToken(digest);
    expect(token).toMatch(/^SWMTKN-1-[0-9a-z]{50}-[0-9a-z]{25}$/);
    expect(parseJoinToken(token).caDigest).toBe(digest);
  });

  it('pads small values to fixed widths', () => {
    const zeroDigest = '0'.repeat(63) + '1';
    const token = generateJoinToken(zeroDigest, (n) => new Uint8Array(n));
    expect(token).toBe(`SWMTKN-1-${'0'.repeat(49)}1-${'0'.repeat(25)}`);
    expect(parseJoinToken(token)).toEqual({ caDigest: zeroDigest, secret: '0'.repeat(25) });
  });

  it('encodes the largest digest and secret within the widths', () => {
    const token = generateJoinToken('f'.repeat(64), (n) => new Uint8Array(n).fill(0xff));
    expect(parseJoinToken(token).caDigest).toBe('f'.repeat(64));
  });

  it.each([
    ['', /empty/],
    ['XWMTKN-1-aaa-bbb', /must start with "SWMTKN-"/],
    [`SWMTKN-2-${'a'.repeat(50)}-${'b'.repeat(25)}`, /version "2" is not supported/],
    [`SWMTKN-1-${'a'.repeat(49)}-${'b'.repeat(25)}`, /CA digest must be 50 base36 characters, got 49/],
    [`SWMTKN-1-${'a'.repeat(50)}-${'b'.repeat(24)}`, /secret must be 25 base36 characters, got 24/],
    [`SWMTKN-1-${'A'.repeat(50)}-${'b'.repeat(25)}`, /invalid characters/],
    [`SWMTKN-1-${'a'.repeat(50)}`, /4 dash-separated parts/],
    [`SWMTKN-1-${'z'.repeat(50)}-${'b'.repeat(25)}`, /out of range/],
  ])('parse rejects %j', (token, message) => {
    expect(() => parseJoinToken(token)).toThrow(JoinTokenError);
    expect(() => parseJoinToken(token)).toThrow(message);
  });

  it('grants the role whose secret matches, and rotation revokes only that role', () => {
    const tokens = generateJoinTokens(digest);
    expect(tokens.worker).not.toBe(tokens.manager);
    expect(roleForJoinToken(tokens.worker, tokens, digest)).toBe('worker');
    expect(roleForJoinToken(tokens.manager, tokens, digest)).toBe('manager');

    const rotated = rotateJoinToken(tokens, 'worker', digest);
    expect(rotated.manager).toBe(tokens.manager);
    expect(() => roleForJoinToken(tokens.worker, rotated, digest)).toThrow(/matches neither/);
    expect(roleForJoinToken(rotated.worker, rotated, digest)).toBe('worker');
  });

  it('refuses a token pinned to another CA even with a valid secret', () => {
    const tokens = generateJoinTokens(digest);
    const otherDigest = crypto.createHash('sha256').update('other').digest('hex');
    const secret = tokens.worker.split('-')[3];
    const forged = generateJoinToken(otherDigest).replace(/[0-9a-z]{25}$/, secret);
    expect(() => roleForJoinToken(forged, tokens, digest)).toThrow(/different root CA/);
  });

  it('verifyRemoteCA accepts the pinned CA and refuses another', async () => {
    const { ca } = await CertificateAuthority.create();
    const { ca: other } = await CertificateAuthority.create();
    const token = generateJoinToken(ca.digest);
    expect(verifyRemoteCA(token, ca.certPem).caDigest).toBe(ca.digest);
    expect(() => verifyRemoteCA(token, other.certPem)).toThrow(/does not match the join token/);
  });
});
