// The Control service (proto/control.proto) as served by a manager, on the cluster port
// (mutual TLS, manager certificates only) and on the local socket (through shoald).
// Every call is served by the leader: a follower forwards it unchanged, so reads are
// as fresh as writes and only the leader runs the logic. Methods are implemented in
// small modules (nodes.ts, cluster.ts, tasks.ts, ...) registered by name; a method no
// module implements answers UNIMPLEMENTED.
import * as grpc from '@grpc/grpc-js';
import { loadProto } from '../../proto/load';
import type { ProtoGrpcType } from '../../proto/gen/control';
import { statusError } from '../ca';
import { asServiceError } from '../grpc-util';
import type { ManagerContext } from '../context';
import { isForwarded, startForward } from '../forwarding';
import { subscribeLogsHandler } from './logs';
import { watchHandler } from './watch';

/** The server-streaming methods, by name. */
const STREAMS: Record<string, typeof subscribeLogsHandler | typeof watchHandler> = {
  SubscribeLogs: subscribeLogsHandler,
  Watch: watchHandler,
};

/** One method's logic, run on the leader. Requests arrive decoded, responses are plain objects. */
export type ControlMethod = (request: never, ctx: ManagerContext) => Promise<object>;
export type ControlMethods = Record<string, ControlMethod>;

export interface ControlServerOptions {
  /** On the cluster port: demand a manager certificate of a node still in the store. */
  authenticate: boolean;
  /** How long a follower waits for an election before answering "no quorum". */
  leaderWaitMs?: number;
  /** Deadline for a call forwarded to the leader. */
  forwardTimeoutMs?: number;
}

export function controlServiceDefinition(): grpc.ServiceDefinition {
  return loadProto<ProtoGrpcType>('control.proto').shoal.api.Control
    .service as unknown as grpc.ServiceDefinition;
}

export function controlHandlers(
  ctx: () => ManagerContext | undefined,
  methods: ControlMethods,
  opts: ControlServerOptions,
  /** Answer when there is no manager here (the local socket of a worker). */
  unavailable: () => Error,
): grpc.UntypedServiceImplementation {
  const service = controlServiceDefinition();
  const handlers: grpc.UntypedServiceImplementation = {};
  for (const [name, method] of Object.entries(service)) {
    const stream = STREAMS[name];
    if (stream) {
      // Streaming methods route to the leader themselves (see leader-stream.ts).
      const m = method as grpc.MethodDefinition<unknown, unknown>;
      handlers[name] = stream(ctx, m, opts, unavailable) as grpc.handleServerStreamingCall<unknown, unknown>;
      continue;
    }
    handlers[name] = (
      call: grpc.ServerUnaryCall<unknown, unknown>,
      callback: grpc.sendUnaryData<unknown>,
    ) => {
      serve(name, method as grpc.MethodDefinition<unknown, unknown>, call).then(
        (res) => callback(null, res),
        (err: unknown) => callback(asServiceError(err)),
      );
    };
  }
  return handlers;

  async function serve(
    name: string,
    method: grpc.MethodDefinition<unknown, unknown>,
    call: grpc.ServerUnaryCall<unknown, unknown>,
  ): Promise<unknown> {
    const c = ctx();
    if (!c) throw unavailable();
    if (opts.authenticate) {
      const caller = c.authenticator.requireRole(call, 'manager');
      await requireNodeRecord(c, caller.nodeId);
    }
    const route = await routeToLeader(c, method, call, opts);
    if (!route.self) return route.result;
    const impl = methods[name];
    if (!impl) throw statusError(grpc.status.UNIMPLEMENTED, `${name} is not implemented by this manager yet`);
    return impl(call.request as never, c);
  }
}

export async function requireNodeRecord(c: ManagerContext, nodeId: string): Promise<void> {
  if (c.local.get('nodes', nodeId)) return;
  // A follower may not have applied the caller's join yet: catch up once, then decide.
  if (!c.isLeader) await c.raft.readBarrier().catch(() => undefined);
  c.requireNodeRecord(nodeId);
}

const MAX_REROUTES = 3;

/**
 * Serves here if this manager leads; else forwards to the leader. A failover may happen
 * meanwhile: the dead leader's connection can look open for a while, so when raft
 * reports a new leader (or the old one refuses connections) the call is re-sent there
 * instead of failing; the caller sees one slower answer rather than an error.
 */
async function routeToLeader(
  c: ManagerContext,
  method: grpc.MethodDefinition<unknown, unknown>,
  call: grpc.ServerUnaryCall<unknown, unknown>,
  opts: ControlServerOptions,
): Promise<{ self: true } | { self: false; result: unknown }> {
  for (let attempt = 0; ; attempt++) {
    const route = await c.leaderRoute(opts.leaderWaitMs ?? 3_000);
    if (route.self) return { self: true };
    if (isForwarded(call))
      throw statusError(
        grpc.status.UNAVAILABLE,
        'not the leader (the forwarding manager had a stale view); retry',
      );
    const fwd = startForward(
      c.connections,
      route.address,
      method,
      call.request,
      opts.forwardTimeoutMs ?? 8_000,
      { relay: true },
    );
    let onLeader: (() => void) | undefined;
    const leaderChanged = new Promise<'changed'>((resolve) => {
      onLeader = () => resolve('changed');
      c.raft.once('leader', onLeader);
    });
    try {
      const outcome = await Promise.race([fwd.result.then((value) => ({ value })), leaderChanged]);
      if (outcome !== 'changed') return { self: false, result: outcome.value };
      fwd.cancel();
      fwd.result.catch(() => undefined);
      if (attempt >= MAX_REROUTES)
        throw statusError(grpc.status.UNAVAILABLE, 'the leader kept changing; retry');
    } catch (err) {
      const unreachable = (err as { leaderUnreachable?: boolean }).leaderUnreachable;
      if (!unreachable || attempt >= MAX_REROUTES) throw err;
      // The leader died: wait for raft to notice and elect, then go there.
      await Promise.race([leaderChanged, new Promise((r) => setTimeout(r, opts.leaderWaitMs ?? 3_000))]);
    } finally {
      if (onLeader) c.raft.off('leader', onLeader);
    }
  }
}
