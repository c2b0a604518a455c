// The CLI's own gRPC client (unary calls and server streams) against a real grpc-js
// server on a unix socket.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as grpc from '@grpc/grpc-js';
import { methodCodec } from '../../../proto/light';
import { loadProto } from '../../../proto/load';
import { CallError, GrpcStatus, streamMethod, unaryOverSocket } from '../../../cli/socket-call';
import type { ProtoGrpcType } from '../../../proto/gen/daemon';
import type { ProtoGrpcType as ControlProto } from '../../../proto/gen/control';

describe('cli/socket-call', () => {
  let dir: string;
  let socket: string;
  let server: grpc.Server;
  let pingDelayMs = 0;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shoal-unary-'));
    socket = path.join(dir, 'd.sock');
    server = new grpc.Server();
    const Daemon = loadProto<ProtoGrpcType>('daemon.proto').shoal.daemon.Daemon;
    server.addService(Daemon.service, {
      Ping: (_call: unknown, cb: grpc.sendUnaryData<object>) =>
        setTimeout(
          () => cb(null, { version: '9.9', hostname: 'h1', pid: 42, uptimeSeconds: 1.5 }),
          pingDelayMs,
        ),
      Info: (_call: unknown, cb: grpc.sendUnaryData<object>) =>
        cb({ code: grpc.status.FAILED_PRECONDITION, details: 'not in a cluster: 100% sure' }),
    });
    await new Promise<void>((resolve, reject) =>
      server.bindAsync(`unix://${socket}`, grpc.ServerCredentials.createInsecure(), (err) =>
        err ? reject(err) : resolve(),
      ),
    );
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => server.tryShutdown(() => resolve()));
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const call = (method: string, timeoutMs = 5000) => {
    const codec = methodCodec('daemon.proto', 'shoal.daemon.Daemon', method);
    return unaryOverSocket(socket, codec.path, codec.encode({}), timeoutMs).then(codec.decode);
  };

  it('gets the answer of a unary call', async () => {
    expect(await call('Ping')).toMatchObject({ version: '9.9', hostname: 'h1', pid: 42, uptimeSeconds: 1.5 });
  });

  it("reports the server's status code and its (percent-decoded) message", async () => {
    await expect(call('Info')).rejects.toMatchObject({
      code: grpc.status.FAILED_PRECONDITION,
      message: 'not in a cluster: 100% sure',
    });
  });

  it('reports a method the server does not have as UNIMPLEMENTED', async () => {
    await expect(call('Leave')).rejects.toMatchObject({ code: grpc.status.UNIMPLEMENTED });
  });

  it('names the socket it cannot reach', async () => {
    const missing = path.join(dir, 'missing.sock');
    const err = await unaryOverSocket(missing, '/shoal.daemon.Daemon/Ping', Buffer.alloc(0), 5000).catch(
      (e: CallError) => e,
    );
    expect(err).toBeInstanceOf(CallError);
    expect((err as CallError).code).toBe(GrpcStatus.UNAVAILABLE);
    expect((err as CallError).message).toBe(`cannot reach shoald at ${missing}: connect ENOENT ${missing}`);
  });

  it('gives up at its deadline', async () => {
    pingDelayMs = 500;
    try {
      await expect(call('Ping', 100)).rejects.toMatchObject({ code: GrpcStatus.DEADLINE_EXCEEDED });
    } finally {
      pingDelayMs = 0;
    }
  });
});

describe('cli/socket-call: server streams', () => {
  let dir: string;
  let socket: string;
  let server: grpc.Server;
  /** What the test server's Watch does with its call. */
  let behave: (call: grpc.ServerWritableStream<unknown, object>) => void = () => undefined;
  const cancelled: string[] = [];

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shoal-stream-'));
    socket = path.join(dir, 'c.sock');
    server = new grpc.Server();
    const Control = loadProto<ControlProto>('control.proto').shoal.api.Control;
    server.addService(Control.service, {
      Watch: (call: grpc.ServerWritableStream<unknown, object>) => {
        call.on('cancelled', () => cancelled.push('watch'));
        behave(call);
      },
    });
    await new Promise<void>((resolve, reject) =>
      server.bindAsync(`unix://${socket}`, grpc.ServerCredentials.createInsecure(), (err) =>
        err ? reject(err) : resolve(),
      ),
    );
  });

  afterAll(async () => {
    server.forceShutdown();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const codec = () => methodCodec('control.proto', 'shoal.api.Control', 'Watch', { serverStream: true });
  const task = (id: string) => ({ action: 'UPDATE', task: { id, slot: 1 } });
  const watch = (got: Array<{ initial: boolean; events: Array<{ task?: { id: string } }> }>) =>
    streamMethod<(typeof got)[number]>(socket, codec(), { entries: [{ kind: 'TASK' }] }, (m) => got.push(m));

  it('hands over every message, in order, then resolves on OK', async () => {
    behave = (call) => {
      call.write({ initial: true, events: [task('a'), task('b')] });
      // A large message arrives in several chunks: it must still come out whole.
      call.write({ initial: false, events: Array.from({ length: 2000 }, (_, i) => task(`t${i}`)) });
      call.write({ initial: false, events: [task('c')] });
      call.end();
    };
    const got: Parameters<typeof watch>[0] = [];
    await watch(got).done;
    expect(got.map((m) => [m.initial, m.events.length])).toEqual([
      [true, 2],
      [false, 2000],
      [false, 1],
    ]);
    expect(got[1].events[1999].task?.id).toBe('t1999');
  });

  it("fails with the server's status after the messages it sent", async () => {
    behave = (call) => {
      call.write({ initial: true, events: [] });
      call.emit('error', { code: grpc.status.UNAVAILABLE, details: 'this manager stopped leading' });
    };
    const got: Parameters<typeof watch>[0] = [];
    await expect(watch(got).done).rejects.toMatchObject({
      code: GrpcStatus.UNAVAILABLE,
      message: 'this manager stopped leading',
    });
    expect(got).toHaveLength(1);
  });

  it('ends a call the caller cancels, and the server sees it go', async () => {
    behave = (call) => call.write({ initial: true, events: [] });
    const got: Parameters<typeof watch>[0] = [];
    const open = watch(got);
    while (got.length === 0) await new Promise((r) => setTimeout(r, 10));
    open.cancel();
    await open.done;
    while (!cancelled.includes('watch')) await new Promise((r) => setTimeout(r, 10));
  });
});
