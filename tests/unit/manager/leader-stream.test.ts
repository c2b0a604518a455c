// A follower relays a streaming control call to the leader: messages pass through, the
// leader's end ends it, and a leader change ends it with UNAVAILABLE (a leader lost with
// its host would otherwise leave the stream silent). Real grpc-js servers on unix sockets.
import { EventEmitter } from 'events';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as grpc from '@grpc/grpc-js';
import { loadProto } from '../../../proto/load';
import type { ProtoGrpcType as ControlProto } from '../../../proto/gen/control';
import type { ControlClient } from '../../../proto/gen/shoal/api/Control';
import { leaderStreamHandler } from '../../../manager/control-api/leader-stream';
import type { ManagerContext } from '../../../manager/context';

const Control = loadProto<ControlProto>('control.proto').shoal.api.Control;
const watchMethod = Control.service.Watch as unknown as grpc.MethodDefinition<unknown, unknown>;

async function serve(socket: string, impl: grpc.UntypedServiceImplementation): Promise<grpc.Server> {
  const server = new grpc.Server();
  server.addService(Control.service, impl);
  await new Promise<void>((resolve, reject) =>
    server.bindAsync(`unix://${socket}`, grpc.ServerCredentials.createInsecure(), (err) =>
      err ? reject(err) : resolve(),
    ),
  );
  return server;
}

describe('control streams relayed by a follower', () => {
  let dir: string;
  let leader: grpc.Server;
  let follower: grpc.Server;
  let client: ControlClient;
  const raft = new EventEmitter();
  /** What the leader's Watch does with each call it gets. */
  let onLeaderCall: (call: grpc.ServerWritableStream<unknown, object>) => void = () => undefined;
  let upstream: grpc.Client;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shoal-relay-'));
    const leaderSocket = path.join(dir, 'leader.sock');
    leader = await serve(leaderSocket, {
      Watch: (call: grpc.ServerWritableStream<unknown, object>) => onLeaderCall(call),
    });
    upstream = new grpc.Client(`unix://${leaderSocket}`, grpc.credentials.createInsecure());
    const ctx = {
      raft,
      isLeader: false,
      connections: { get: () => upstream },
      leaderRoute: async () => ({ self: false, address: 'the-leader' }),
    } as unknown as ManagerContext;
    follower = await serve(path.join(dir, 'follower.sock'), {
      Watch: leaderStreamHandler(
        () => ctx,
        watchMethod,
        { authenticate: false },
        () => new Error('no manager'),
        {
          validate: () => undefined,
          serve: () => {
            throw new Error('a follower must not serve');
          },
        },
      ),
    });
    client = new Control(`unix://${path.join(dir, 'follower.sock')}`, grpc.credentials.createInsecure());
  });

  afterAll(() => {
    client.close();
    upstream.close();
    leader.forceShutdown();
    follower.forceShutdown();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const watch = () => {
    const got: Array<{ initial: boolean }> = [];
    const call = client.Watch({ entries: [{ kind: 'TASK' }] });
    call.on('data', (m: { initial: boolean }) => got.push(m));
    const ended = new Promise<grpc.ServiceError | 'end'>((resolve) => {
      call.on('error', (err: grpc.ServiceError) => resolve(err));
      call.on('end', () => resolve('end'));
    });
    return { got, ended };
  };

  it("passes the leader's messages through and ends when the leader ends", async () => {
    onLeaderCall = (call) => {
      call.write({ initial: true });
      call.write({ initial: false });
      call.end();
    };
    const { got, ended } = watch();
    expect(await ended).toBe('end');
    expect(got.map((m) => m.initial)).toEqual([true, false]);
  });

  it('ends the relayed stream with UNAVAILABLE when the leader changes, and cancels upstream', async () => {
    let upstreamCancelled = false;
    onLeaderCall = (call) => {
      call.on('cancelled', () => (upstreamCancelled = true));
      call.write({ initial: true }); // then stays open, as a leader lost with its host
    };
    const { got, ended } = watch();
    while (got.length === 0) await new Promise((r) => setTimeout(r, 10));
    raft.emit('leader', { leader: 0 });
    const err = await ended;
    expect(err).toMatchObject({ code: grpc.status.UNAVAILABLE });
    expect((err as grpc.ServiceError).details).toMatch(/the leader changed/);
    while (!upstreamCancelled) await new Promise((r) => setTimeout(r, 10));
    expect(raft.listenerCount('leader')).toBe(0);
  });
});
