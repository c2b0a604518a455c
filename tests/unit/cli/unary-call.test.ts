// The CLI's own gRPC unary client against a real grpc-js server on a unix socket.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as grpc from '@grpc/grpc-js';
import { methodCodec } from '../../../proto/light';
import { loadProto } from '../../../proto/load';
import { CallError, GrpcStatus, unaryOverSocket } from '../../../cli/unary-call';
import type { ProtoGrpcType } from '../../../proto/gen/daemon';

describe('cli/unary-call', () => {
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
