// peerCertificateDer on a real grpc-js server over mutual TLS: each call sees its own
// client's certificate, and the certificate object is built once per connection.
import * as crypto from 'crypto';
import { TLSSocket } from 'tls';
import * as grpc from '@grpc/grpc-js';
import { CertificateAuthority } from '../../../manager/ca/authority';
import { clientCredentials, peerCertificateDer, serverCredentials } from '../../../manager/ca/tls';
import { loadProto } from '../../../proto/load';
import type { ProtoGrpcType } from '../../../proto/gen/daemon';
import type { DaemonClient } from '../../../proto/gen/shoal/daemon/Daemon';

describe('peerCertificateDer', () => {
  let server: grpc.Server;
  let port: number;
  let ca: CertificateAuthority;
  const seen: { der?: Buffer; builds: number }[] = [];
  const getPeerCertificate = jest.spyOn(TLSSocket.prototype, 'getPeerCertificate');

  beforeAll(async () => {
    ({ ca } = await CertificateAuthority.create({ clusterId: 'c1' }));
    const manager = await ca.issue({ nodeId: 'm1', role: 'manager', clusterId: 'c1' });
    server = new grpc.Server();
    const Daemon = loadProto<ProtoGrpcType>('daemon.proto').shoal.daemon.Daemon;
    server.addService(Daemon.service, {
      Ping: (call: object, cb: grpc.sendUnaryData<object>) => {
        const before = getPeerCertificate.mock.calls.length;
        const der = peerCertificateDer(call);
        seen.push({ der, builds: getPeerCertificate.mock.calls.length - before });
        cb(null, { version: 'test' });
      },
    });
    const creds = { certPem: manager.certPem, keyPem: manager.keyPem!, rootCaPem: ca.certPem };
    port = await new Promise<number>((resolve, reject) =>
      server.bindAsync('127.0.0.1:0', serverCredentials(creds, { requireClientCert: true }), (err, p) =>
        err ? reject(err) : resolve(p),
      ),
    );
  });

  afterAll(async () => {
    getPeerCertificate.mockRestore();
    await new Promise<void>((resolve) => server.tryShutdown(() => resolve()));
  });

  async function clientAs(nodeId: string): Promise<{ client: DaemonClient; der: Buffer }> {
    const cert = await ca.issue({ nodeId, role: 'worker', clusterId: 'c1' });
    const Daemon = loadProto<ProtoGrpcType>('daemon.proto').shoal.daemon.Daemon;
    const client = new Daemon(
      `127.0.0.1:${port}`,
      clientCredentials({ certPem: cert.certPem, keyPem: cert.keyPem!, rootCaPem: ca.certPem }),
    );
    return { client, der: new crypto.X509Certificate(cert.certPem).raw };
  }

  const ping = (client: DaemonClient) =>
    new Promise<void>((resolve, reject) => client.Ping({}, (err) => (err ? reject(err) : resolve())));

  it("answers each caller's own certificate, reading it once per connection", async () => {
    const a = await clientAs('w1');
    const b = await clientAs('w2');
    try {
      for (const c of [a, b, a, b, a]) await ping(c.client);
    } finally {
      a.client.close();
      b.client.close();
    }
    expect(seen.map((s) => s.der?.equals(a.der))).toEqual([true, false, true, false, true]);
    expect(seen.map((s) => s.der?.equals(b.der))).toEqual([false, true, false, true, false]);
    // The first call on each connection builds the certificate object; later ones reuse it.
    expect(seen.map((s) => s.builds)).toEqual([1, 1, 0, 0, 0]);
  });
});
