import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as tls from 'tls';
import { MutableCertificateProvider } from '../../../manager/ca';
import { GrpcTransport, TlsFiles, TransportOptions, TransportTls } from '../../../raft/transport';
import { EntryType, Message, MessageType, NodeId } from '../../../raft/types';
import { makeCa } from './tls-fixture';

interface Endpoint {
  t: GrpcTransport;
  got: Message[];
  deliveries: number;
  unreachable: NodeId[];
  snapStatus: Array<[NodeId, boolean]>;
}

const started: GrpcTransport[] = [];
afterEach(async () => {
  await Promise.all(started.splice(0).map((t) => t.stop()));
});

async function endpoint(
  id: NodeId,
  tls?: TransportTls,
  authorize?: TransportOptions['authorize'],
): Promise<Endpoint> {
  const ep: Endpoint = { got: [], deliveries: 0, unreachable: [], snapStatus: [] } as unknown as Endpoint;
  ep.t = new GrpcTransport({
    id,
    listen: '127.0.0.1:0',
    tls,
    authorize,
    handler: {
      onMessages: (msgs) => {
        ep.deliveries++;
        ep.got.push(...msgs);
      },
      onUnreachable: (pid) => ep.unreachable.push(pid),
      onSnapshotStatus: (pid, ok) => ep.snapStatus.push([pid, ok]),
    },
  });
  started.push(ep.t);
  await ep.t.start();
  return ep;
}

async function until(cond: () => boolean, what: string, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

const app = (from: NodeId, to: NodeId, index: number): Message => ({
  type: MessageType.App,
  from,
  to,
  term: 3,
  logTerm: 2,
  index,
  commit: index - 1,
  entries: [{ term: 3, index: index + 1, type: EntryType.Normal, data: new Uint8Array([index & 0xff, 7]) }],
});

describe('GrpcTransport', () => {
  test('delivers messages in order, intact, coalescing while a write is pending', async () => {
    const a = await endpoint(1);
    const b = await endpoint(2);
    a.t.addPeer(2, `127.0.0.1:${b.t.port}`);
    const readIndex: Message = {
      type: MessageType.ReadIndexResp,
      from: 1,
      to: 2,
      term: 3,
      index: 9,
      context: new Uint8Array([1, 2, 3]),
    };
    const rejected: Message = {
      type: MessageType.AppResp,
      from: 1,
      to: 2,
      term: 3,
      index: 4,
      reject: true,
      rejectHint: 2,
    };
    a.t.send([readIndex, rejected]);
    const n = 2000;
    for (let i = 1; i <= n; i++) a.t.send([app(1, 2, i)]);
    await until(() => b.got.length === n + 2, 'all messages');
    expect({ ...b.got[0], context: [...b.got[0].context!] }).toEqual({ ...readIndex, context: [1, 2, 3] });
    expect(b.got[1]).toEqual(rejected);
    const apps = b.got.slice(2);
    expect(apps.map((m) => m.index)).toEqual(Array.from({ length: n }, (_, i) => i + 1));
    const m = apps[41];
    expect({ ...m, entries: m.entries!.map((e) => ({ ...e, data: [...e.data] })) }).toEqual({
      ...app(1, 2, 42),
      entries: [{ term: 3, index: 43, type: EntryType.Normal, data: [42, 7] }],
    });
    // 2001 send() calls, far fewer deliveries: messages queued behind a pending write share a batch.
    expect(b.deliveries).toBeLessThan(n / 2);
    expect(a.unreachable).toEqual([]);
  });

  test('streams a multi-chunk snapshot and reports success', async () => {
    const a = await endpoint(1);
    const b = await endpoint(2);
    a.t.addPeer(2, `127.0.0.1:${b.t.port}`);
    const data = new Uint8Array(3_500_000);
    for (let i = 0; i < data.length; i++) data[i] = (i * 31) & 0xff;
    a.t.send([
      {
        type: MessageType.Snap,
        from: 1,
        to: 2,
        term: 5,
        snapshot: { meta: { index: 900, term: 4, confState: { voters: [1, 2, 3], learners: [4] } }, data },
      },
    ]);
    await until(() => b.got.length === 1 && a.snapStatus.length === 1, 'snapshot');
    const snap = b.got[0].snapshot!;
    expect(snap.meta).toEqual({ index: 900, term: 4, confState: { voters: [1, 2, 3], learners: [4] } });
    expect(Buffer.from(snap.data).equals(Buffer.from(data))).toBe(true);
    expect(a.snapStatus).toEqual([[2, true]]);
  });

  test('reports a peer that is down as unreachable, and reaches it again once it is back', async () => {
    const a = await endpoint(1);
    const b = await endpoint(2);
    const port = b.t.port;
    a.t.addPeer(2, `127.0.0.1:${port}`);
    await b.t.stop();
    a.t.send([app(1, 2, 1)]);
    await until(() => a.unreachable.includes(2), 'unreachable report');
    // A member unknown to the transport is unreachable too.
    a.t.send([app(1, 3, 1)]);
    expect(a.unreachable).toContain(3);
    // Same port, new process-equivalent: the peer stream reconnects.
    const b2 = new GrpcTransport({
      id: 2,
      listen: `127.0.0.1:${port}`,
      handler: { onMessages: (m) => b.got.push(...m), onUnreachable: () => {}, onSnapshotStatus: () => {} },
    });
    started.push(b2);
    await b2.start();
    await until(
      () => {
        a.t.send([app(1, 2, 2)]);
        return b.got.length > 0;
      },
      'delivery after restart',
      8000,
    );
  });

  test('peers can be added and removed at runtime', async () => {
    const a = await endpoint(1);
    const b = await endpoint(2);
    a.t.addPeer(2, `127.0.0.1:${b.t.port}`);
    a.t.send([app(1, 2, 1)]);
    await until(() => b.got.length === 1, 'first message');
    a.t.removePeer(2);
    expect(a.t.hasPeer(2)).toBe(false);
    a.t.send([app(1, 2, 2)]);
    expect(a.unreachable).toEqual([2]);
  });

  describe('mutual TLS', () => {
    let dir: string;
    let issue: (who: string) => TlsFiles;
    let issueOther: (who: string) => TlsFiles;
    beforeAll(() => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shoal-tls-'));
      issue = makeCa(dir, 'cluster');
      issueOther = makeCa(dir, 'stranger');
    });
    afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

    test('members with certificates from the cluster CA talk', async () => {
      const a = await endpoint(1, issue('m1'));
      const b = await endpoint(2, issue('m2'));
      a.t.addPeer(2, `127.0.0.1:${b.t.port}`);
      a.t.send([app(1, 2, 1)]);
      await until(() => b.got.length === 1, 'delivery over TLS');
    });

    test('a certificate from another CA is refused, and a plaintext client too', async () => {
      const b = await endpoint(2, issue('m2'));
      const stranger = await endpoint(1, { ...issueOther('m1'), ca: issue('x').ca });
      stranger.t.addPeer(2, `127.0.0.1:${b.t.port}`);
      const plain = await endpoint(3);
      plain.t.addPeer(2, `127.0.0.1:${b.t.port}`);
      stranger.t.send([app(1, 2, 1)]);
      plain.t.send([app(3, 2, 1)]);
      await until(() => stranger.unreachable.length > 0 && plain.unreachable.length > 0, 'refusals');
      expect(b.got).toEqual([]);
    });

    test('the authorize hook refuses a peer whose certificate is from the CA but not allowed', async () => {
      // The manager uses this to keep workers' certificates out; here the rule is "CN m*".
      const refused: string[] = [];
      const onlyMembers: TransportOptions['authorize'] = (call) => {
        const auth = (
          call as unknown as { getAuthContext(): { sslPeerCertificate?: { subject?: { CN?: string } } } }
        ).getAuthContext();
        const cn = auth.sslPeerCertificate?.subject?.CN ?? '';
        if (!cn.startsWith('m')) {
          refused.push(cn);
          throw Object.assign(new Error(`${cn} is not a member`), { code: 7 });
        }
      };
      const b = await endpoint(2, issue('m2'), onlyMembers);
      const member = await endpoint(1, issue('m1'));
      const worker = await endpoint(3, issue('w1'));
      member.t.addPeer(2, `127.0.0.1:${b.t.port}`);
      worker.t.addPeer(2, `127.0.0.1:${b.t.port}`);
      worker.t.send([app(3, 2, 1)]);
      member.t.send([app(1, 2, 5)]);
      await until(
        () => b.got.length === 1 && worker.unreachable.length > 0,
        'the member delivered, the worker refused',
      );
      expect(b.got.map((m) => m.from)).toEqual([1]);
      expect(refused).toContain('w1');
    });
    test('a renewed certificate is presented on new connections, dialled and accepted', async () => {
      const asCreds = (f: TlsFiles) => ({
        certPem: f.cert.toString(),
        keyPem: f.key.toString(),
        rootCaPem: f.ca.toString(),
      });
      const callers: string[] = [];
      const record: TransportOptions['authorize'] = (call) => {
        const auth = (
          call as unknown as { getAuthContext(): { sslPeerCertificate?: { subject?: { CN?: string } } } }
        ).getAuthContext();
        callers.push(auth.sslPeerCertificate?.subject?.CN ?? '');
      };
      const certificates = new MutableCertificateProvider(asCreds(issue('m1-old')));
      const a = await endpoint(1, { provider: certificates });
      const b = await endpoint(2, issue('m2'), record);
      const served = async (): Promise<string> => {
        const own = issue('probe');
        const socket = tls.connect({
          host: '127.0.0.1',
          port: a.t.port,
          ca: own.ca,
          cert: own.cert,
          key: own.key,
          ALPNProtocols: ['h2'],
          checkServerIdentity: () => undefined,
        });
        await new Promise((resolve, reject) => socket.once('secureConnect', resolve).once('error', reject));
        const cn = String(socket.getPeerCertificate().subject.CN);
        socket.destroy();
        return cn;
      };

      a.t.addPeer(2, `127.0.0.1:${b.t.port}`);
      a.t.send([app(1, 2, 1)]);
      await until(() => b.got.length === 1, 'delivery with the first certificate');
      expect(callers.at(-1)).toBe('m1-old');
      expect(await served()).toBe('m1-old');

      certificates.update(asCreds(issue('m1-new')));
      a.t.removePeer(2); // the next stream opens a new connection
      a.t.addPeer(2, `127.0.0.1:${b.t.port}`);
      a.t.send([app(1, 2, 2)]);
      await until(() => b.got.length === 2, 'delivery after renewal');
      expect(callers.at(-1)).toBe('m1-new');
      expect(await served()).toBe('m1-new');
    });
  });
});
