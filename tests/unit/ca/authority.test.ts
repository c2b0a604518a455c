import * as crypto from 'crypto';
import {
  CertificateAuthority,
  createCsr,
  DEFAULT_NODE_CERT_EXPIRY_MS,
  CERT_BACKDATE_MS,
  DAY_MS,
} from '../../../manager/ca/authority';
import { verifyNodeCertificate, CertificateVerificationError } from '../../../manager/ca/identity';
import { certificateDigest } from '../../../manager/ca/pki';

describe('CertificateAuthority', () => {
  let ca: CertificateAuthority;
  let caKeyPem: string;
  beforeAll(async () => {
    ({ ca, keyPem: caKeyPem } = await CertificateAuthority.create({ clusterId: 'cluster1' }));
  });

  it('creates a self-signed P-256 root valid for 20 years by default', () => {
    const root = new crypto.X509Certificate(ca.certPem);
    expect(root.ca).toBe(true);
    expect(root.verify(root.publicKey)).toBe(true);
    expect(root.publicKey.asymmetricKeyDetails?.namedCurve).toBe('prime256v1');
    const years = (new Date(root.validTo).getTime() - Date.now()) / (365 * DAY_MS);
    expect(years).toBeGreaterThan(19.9);
    expect(years).toBeLessThan(20.1);
    expect(ca.digest).toBe(crypto.createHash('sha256').update(root.raw).digest('hex'));
    expect(certificateDigest(ca.certPem)).toBe(ca.digest);
  });

  it('honours a configured root expiry', async () => {
    const { ca: short } = await CertificateAuthority.create({ expiryMs: 10 * DAY_MS });
    const days = (short.notAfter.getTime() - Date.now()) / DAY_MS;
    expect(Math.round(days)).toBe(10);
  });

  it('issues a node cert from a CSR with the identity, SANs and a 90 day default lifetime', async () => {
    const { csrPem, keyPem } = await createCsr();
    const now = new Date();
    const issued = await ca.issue({
      csrPem,
      nodeId: 'node1',
      role: 'worker',
      clusterId: 'cluster1',
      addresses: ['10.0.0.5', 'host-a', '127.0.0.1'],
      now,
    });
    expect(issued.keyPem).toBeUndefined();
    const cert = new crypto.X509Certificate(issued.certPem);
    expect(cert.subject).toBe('CN=node1\nOU=swarm-worker\nO=cluster1');
    expect(cert.subjectAltName).toBe(
      'DNS:swarm-worker, DNS:node1, IP Address:10.0.0.5, DNS:host-a, IP Address:127.0.0.1',
    );
    expect(cert.ca).toBe(false);
    expect(cert.checkPrivateKey(crypto.createPrivateKey(keyPem))).toBe(true);
    expect(new Date(cert.validTo).getTime()).toBe(
      Math.floor((now.getTime() + DEFAULT_NODE_CERT_EXPIRY_MS) / 1000) * 1000,
    );
    expect(new Date(cert.validFrom).getTime()).toBeLessThanOrEqual(now.getTime() - CERT_BACKDATE_MS);

    expect(verifyNodeCertificate(issued.certPem, ca.certPem)).toMatchObject({
      nodeId: 'node1',
      role: 'worker',
      clusterId: 'cluster1',
    });
  });

  it('generates a key when no CSR is given, and only trusts the CSR for its key', async () => {
    const issued = await ca.issue({
      nodeId: 'm1',
      role: 'manager',
      clusterId: 'cluster1',
      expiryMs: 2 * DAY_MS,
    });
    expect(issued.keyPem).toContain('PRIVATE KEY');
    const cert = new crypto.X509Certificate(issued.certPem);
    expect(cert.checkPrivateKey(crypto.createPrivateKey(issued.keyPem!))).toBe(true);
    expect(verifyNodeCertificate(issued.certPem, ca.certPem).role).toBe('manager');
  });

  it('rejects bad requests naming the field', async () => {
    await expect(ca.issue({ nodeId: 'a b', role: 'worker', clusterId: 'c' })).rejects.toThrow(/^nodeId: /);
    await expect(ca.issue({ nodeId: 'n', role: 'admin' as never, clusterId: 'c' })).rejects.toThrow(
      /^role: /,
    );
    await expect(ca.issue({ nodeId: 'n', role: 'worker', clusterId: 'c', expiryMs: 1000 })).rejects.toThrow(
      /^certificate expiry: /,
    );
    await expect(
      ca.issue({ nodeId: 'n', role: 'worker', clusterId: 'c', csrPem: 'garbage' }),
    ).rejects.toThrow(/^csr: /);
    await expect(
      ca.issue({ nodeId: 'n', role: 'worker', clusterId: 'c', addresses: ['bad host'] }),
    ).rejects.toThrow(/^addresses\[0\]: /);
  });

  it('rejects a CSR whose signature was tampered with', async () => {
    const { csrPem } = await createCsr();
    const der = Buffer.from(csrPem.replace(/-----[^-]+-----/g, '').replace(/\s/g, ''), 'base64');
    der[der.length - 5] ^= 0x01;
    const bad = `-----BEGIN CERTIFICATE REQUEST-----\n${der.toString('base64')}\n-----END CERTIFICATE REQUEST-----\n`;
    await expect(ca.issue({ nodeId: 'n', role: 'worker', clusterId: 'c', csrPem: bad })).rejects.toThrow(
      /^csr: /,
    );
  });

  it('a CA loaded from PEM signs like the original; without a key it cannot sign', async () => {
    const loaded = await CertificateAuthority.load(ca.certPem, caKeyPem);
    expect(loaded.digest).toBe(ca.digest);
    const issued = await loaded.issue({ nodeId: 'n2', role: 'worker', clusterId: 'cluster1' });
    expect(verifyNodeCertificate(issued.certPem, ca.certPem).nodeId).toBe('n2');
    const verifyOnly = await CertificateAuthority.load(ca.certPem);
    expect(verifyOnly.canSign).toBe(false);
    await expect(verifyOnly.issue({ nodeId: 'n', role: 'worker', clusterId: 'c' })).rejects.toThrow(
      /no signing key/,
    );
    const { keyPem: otherKey } = await CertificateAuthority.create();
    await expect(CertificateAuthority.load(ca.certPem, otherKey)).rejects.toThrow(/does not belong/);
  });

  it('verification refuses another CA, expired certs, CA certs and the wrong cluster', async () => {
    const { ca: other } = await CertificateAuthority.create();
    const foreign = await other.issue({ nodeId: 'x', role: 'manager', clusterId: 'cluster1' });
    expect(() => verifyNodeCertificate(foreign.certPem, ca.certPem)).toThrow(CertificateVerificationError);
    expect(() => verifyNodeCertificate(foreign.certPem, ca.certPem)).toThrow(
      /not signed by the cluster's root CA/,
    );

    const issued = await ca.issue({ nodeId: 'n3', role: 'worker', clusterId: 'cluster1', expiryMs: DAY_MS });
    expect(() =>
      verifyNodeCertificate(issued.certPem, ca.certPem, { now: new Date(Date.now() + 2 * DAY_MS) }),
    ).toThrow(/expired at/);
    expect(() => verifyNodeCertificate(ca.certPem, ca.certPem)).toThrow(/is a CA certificate/);
    expect(() => verifyNodeCertificate(issued.certPem, ca.certPem, { clusterId: 'other' })).toThrow(
      /belongs to cluster cluster1, not other/,
    );
  });
});
