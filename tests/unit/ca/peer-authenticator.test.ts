// The authenticator remembers certificates it verified (every rpc of an agent presents
// the same one); what it remembers must never let through what a fresh check refuses.
import * as crypto from 'crypto';
import { CertificateAuthority, DAY_MS } from '../../../manager/ca/authority';
import { PeerAuthenticator } from '../../../manager/ca/tls';

const callWith = (certPem: string) => ({
  getAuthContext: () => ({ sslPeerCertificate: { raw: new crypto.X509Certificate(certPem).raw } }),
});

describe('PeerAuthenticator', () => {
  let ca: CertificateAuthority;
  let other: CertificateAuthority;
  let workerPem: string;
  let notAfter: number;
  beforeAll(async () => {
    ({ ca } = await CertificateAuthority.create({ clusterId: 'c1' }));
    ({ ca: other } = await CertificateAuthority.create({ clusterId: 'c1' }));
    workerPem = (await ca.issue({ nodeId: 'n1', role: 'worker', clusterId: 'c1', expiryMs: 2 * DAY_MS }))
      .certPem;
    notAfter = Date.parse(new crypto.X509Certificate(workerPem).validTo);
  });

  it('answers the same identity again for a certificate it has verified', () => {
    const auth = new PeerAuthenticator(ca.certPem, 'c1');
    const first = auth.requireRole(callWith(workerPem), 'worker');
    expect(first).toMatchObject({ nodeId: 'n1', role: 'worker', clusterId: 'c1' });
    expect(auth.requireRole(callWith(workerPem), 'worker')).toEqual(first);
    expect(() => auth.requireRole(callWith(workerPem), 'manager')).toThrow(/is a worker/);
  });

  it('refuses a remembered certificate once it has expired', () => {
    let now = Date.now();
    const auth = new PeerAuthenticator(ca.certPem, 'c1', () => new Date(now));
    auth.identify(callWith(workerPem));
    now = notAfter + 1_000;
    expect(() => auth.identify(callWith(workerPem))).toThrow(/expired/);
  });

  it('forgets what it verified when the root changes', () => {
    const auth = new PeerAuthenticator(ca.certPem, 'c1');
    auth.identify(callWith(workerPem));
    auth.setRoot(other.certPem);
    expect(() => auth.identify(callWith(workerPem))).toThrow(/not signed by the cluster's root CA/);
  });

  it('never remembers a refused certificate', async () => {
    const foreign = (await other.issue({ nodeId: 'n2', role: 'manager', clusterId: 'c1' })).certPem;
    const auth = new PeerAuthenticator(ca.certPem, 'c1');
    for (let i = 0; i < 2; i++) expect(() => auth.identify(callWith(foreign))).toThrow(/refused/);
  });
});
