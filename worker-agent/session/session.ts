// The agent's session with the managers: register with the leader (a follower answers
// with the leader's address), heartbeat every period, and start over with the next
// manager on any failure. It learns the manager list and its desired role from the
// heartbeats; the daemon acts on those (persisting managers, renewing the certificate).
import { EventEmitter } from 'events';
import * as grpc from '@grpc/grpc-js';
import { loadProto } from '../../proto/load';
import type { ProtoGrpcType } from '../../proto/gen/dispatcher';
import type { DispatcherClient } from '../../proto/gen/shoal/dispatcher/Dispatcher';
import type { NodeDescription } from '../../proto/gen/shoal/api/NodeDescription';
import type { WeightedPeer__Output } from '../../proto/gen/shoal/dispatcher/WeightedPeer';
import { clientCredentials, NodeCredentials } from '../../proto/node-tls';

export const LEADER_ADDR_HEADER = 'x-shoal-leader-addr';
const RETRY_MS = 100;
const MAX_RETRY_MS = 1_000;

/**
 * The pause before the next attempt after `failures` sessions in a row ended without a
 * registration, with `managers` to try: RETRY_MS through the first round (a leader change
 * is usually over by then and the new leader is among them), then doubling per further
 * round up to MAX_RETRY_MS, so that an agent cut off from every manager tries about once
 * a second instead of ten times (each try a TLS handshake and a log line).
 */
export function retryDelayMs(failures: number, managers: number): number {
  const rounds = Math.floor(Math.max(0, failures - 1) / Math.max(1, managers));
  return Math.min(RETRY_MS * 2 ** rounds, MAX_RETRY_MS);
}

export interface SessionLogger {
  info(msg: string, fields?: Record<string, unknown>): void;
  debug(msg: string, fields?: Record<string, unknown>): void;
}

export interface AgentSessionOptions {
  clusterId: string;
  /** Manager cluster-API addresses to try, in order of preference. */
  managers: () => string[];
  credentials: () => NodeCredentials;
  describe: () => Promise<NodeDescription>;
  logger: SessionLogger;
}

export interface AgentSessionEvents {
  registered: [{ manager: string; sessionId: string }];
  managers: [string[]];
  desiredRole: [string];
}

type Unary<Req, Res> = (
  req: Req,
  opts: grpc.CallOptions,
  cb: (err: grpc.ServiceError | null, res?: Res) => void,
) => unknown;

function call<Req, Res>(fn: Unary<Req, Res>, req: Req, timeoutMs: number): Promise<Res> {
  return new Promise((resolve, reject) =>
    fn(req, { deadline: Date.now() + timeoutMs }, (err, res) => (err ? reject(err) : resolve(res as Res))),
  );
}

export class AgentSession extends EventEmitter<AgentSessionEvents> {
  private running = false;
  private loop: Promise<void> | undefined;
  private wake: (() => void) | undefined;
  private client: DispatcherClient | undefined;
  private restartRequested = false;
  private next = 0;
  /** Sessions in a row that ended without registering (retryDelayMs). */
  private failures = 0;
  connectedTo = '';

  constructor(private readonly opts: AgentSessionOptions) {
    super();
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    this.client?.close();
    await this.loop;
  }

  /** Drops the session and registers again (e.g. with a renewed certificate). */
  restart(): void {
    this.restartRequested = true;
    this.wake?.();
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const t = setTimeout(done, ms);
      function done() {
        clearTimeout(t);
        resolve();
      }
      this.wake = done;
    });
  }

  private pick(hint?: string): string | undefined {
    if (hint) return hint;
    const list = this.opts.managers();
    if (list.length === 0) return undefined;
    return list[this.next++ % list.length];
  }

  private async run(): Promise<void> {
    let hint: string | undefined;
    while (this.running) {
      const address = this.pick(hint);
      hint = undefined;
      if (!address) {
        await this.sleep(500);
        continue;
      }
      try {
        await this.session(address);
      } catch (err) {
        const e = err as grpc.ServiceError;
        const leader = e.metadata?.get?.(LEADER_ADDR_HEADER)?.[0];
        if (leader && typeof leader === 'string' && leader !== address) {
          hint = leader; // a follower named the leader: go straight there
          continue;
        }
        this.opts.logger.info('session ended', { manager: address, error: e.details ?? e.message });
      } finally {
        this.client?.close();
        this.client = undefined;
        this.connectedTo = '';
      }
      this.failures++;
      if (this.running) await this.sleep(retryDelayMs(this.failures, this.opts.managers().length));
    }
  }

  private async session(address: string): Promise<void> {
    const Dispatcher = loadProto<ProtoGrpcType>('dispatcher.proto').shoal.dispatcher.Dispatcher;
    const client = new Dispatcher(
      address,
      clientCredentials(this.opts.credentials(), { clusterId: this.opts.clusterId }),
      {
        'grpc.initial_reconnect_backoff_ms': 100,
        'grpc.max_reconnect_backoff_ms': 500,
      },
    );
    this.client = client;
    this.restartRequested = false;
    const description = await this.opts.describe();
    const reg = await call(
      client.Register.bind(client) as Unary<
        object,
        { sessionId: string; heartbeatPeriodNs: number; managers: WeightedPeer__Output[] }
      >,
      { description },
      3_000,
    );
    this.connectedTo = address;
    this.failures = 0;
    this.opts.logger.info('registered with the leader', { manager: address });
    this.emit('registered', { manager: address, sessionId: reg.sessionId });
    this.learnManagers(reg.managers);
    let periodMs = Math.max(100, Math.round(reg.heartbeatPeriodNs / 1e6) || 500);
    let lastAnswer = Date.now();
    while (this.running && !this.restartRequested) {
      await this.sleep(periodMs);
      if (!this.running || this.restartRequested) break;
      let hb: { periodNs: number; managers: WeightedPeer__Output[]; desiredRole: string };
      try {
        hb = await call(
          client.Heartbeat.bind(client) as Unary<object, typeof hb>,
          { sessionId: reg.sessionId },
          Math.max(1_000, periodMs * 2),
        );
      } catch (err) {
        if (!keepWaiting(err as grpc.ServiceError, Date.now() - lastAnswer, periodMs)) throw err;
        continue;
      }
      lastAnswer = Date.now();
      periodMs = Math.max(100, Math.round(hb.periodNs / 1e6) || periodMs);
      this.learnManagers(hb.managers);
      if (hb.desiredRole) this.emit('desiredRole', hb.desiredRole);
    }
  }

  private learnManagers(peers: WeightedPeer__Output[]): void {
    const addrs = peers.map((p) => p.addr).filter(Boolean);
    if (addrs.length) this.emit('managers', addrs);
  }
}

/**
 * A heartbeat that timed out is not proof that the manager is gone: on a host busy
 * starting containers, either side may be starved of CPU for a second or two. Dropping
 * the session then would re-register, resend every assignment and add load where there
 * is too much already. So a late answer is waited for, up to a few periods; whether the
 * node is down is the manager's call (it answers NOT_FOUND once it has closed the
 * session). A refused connection or any other error ends the session at once, so that
 * the agent finds a new leader fast.
 */
export function keepWaiting(err: grpc.ServiceError, sinceLastAnswerMs: number, periodMs: number): boolean {
  return err.code === grpc.status.DEADLINE_EXCEEDED && sinceLastAnswerMs < Math.max(3_000, periodMs * 4);
}
