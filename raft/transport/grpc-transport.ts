// gRPC transport between raft members (proto/raft.proto). Inbound: batches and
// reassembled snapshots are handed to `handler.onMessages`. Outbound: one Peer (one
// stream) per member, flushed once per `send` call. Mutual TLS when certificates are
// given; insecure otherwise (tests on 127.0.0.1 only).
import * as grpc from '@grpc/grpc-js';
import type { ServerSurfaceCall } from '@grpc/grpc-js/build/src/server-call';
import { loadProto } from '../../proto/load';
import type { ProtoGrpcType } from '../../proto/gen/raft';
import type { RaftClient } from '../../proto/gen/shoal/raft/Raft';
import type { MessageBatch__Output } from '../../proto/gen/shoal/raft/MessageBatch';
import type { SnapshotChunk__Output } from '../../proto/gen/shoal/raft/SnapshotChunk';
import type { ProposeRequest__Output } from '../../proto/gen/shoal/raft/ProposeRequest';
import type { ProposeResponse } from '../../proto/gen/shoal/raft/ProposeResponse';
import type { ProposeBatch__Output } from '../../proto/gen/shoal/raft/ProposeBatch';
import type { ProposeResult } from '../../proto/gen/shoal/raft/ProposeResult';
import type { ProposeResults } from '../../proto/gen/shoal/raft/ProposeResults';
import { Message, NodeId, NotLeaderError, assertIndex } from '../types';
import { fromWire } from './codec';
import { Peer } from './peer';

export interface TlsFiles {
  ca: Buffer;
  cert: Buffer;
  key: Buffer;
  /** Name to expect in the peers' certificates when it differs from the dialed host. */
  serverName?: string;
}

/**
 * Certificates that change while the transport runs (a node renews its certificate long
 * before it expires): new connections, in and out, present the provider's newest one.
 */
export interface TlsProvider {
  provider: grpc.experimental.CertificateProvider;
  /** Name to expect in the peers' certificates when it differs from the dialed host. */
  serverName?: string;
}

export type TransportTls = TlsFiles | TlsProvider;

const isProvider = (tls: TransportTls): tls is TlsProvider => 'provider' in tls;

export interface TransportHandler {
  /** Messages from peers, to be stepped into the core. */
  onMessages(msgs: Message[]): void;
  /** A Propose call; `forwarded` is true when another member already forwarded it once. */
  onPropose?(data: Uint8Array, forwarded: boolean): Promise<{ index: number; result?: Uint8Array }>;
  onUnreachable(id: NodeId): void;
  onSnapshotStatus(id: NodeId, ok: boolean): void;
}

export interface TransportOptions {
  id: NodeId;
  /** host:port to listen on; port 0 picks a free one. */
  listen: string;
  tls?: TransportTls;
  handler: TransportHandler;
  /** Upper bound on one inbound snapshot (bytes). */
  maxSnapshotBytes?: number;
  /**
   * Checks the caller of every inbound rpc (e.g. its certificate's role): TLS alone only
   * proves the peer holds a certificate from the CA. Throw to refuse; an error with a
   * numeric `code` (a gRPC status) is answered with that code, otherwise PERMISSION_DENIED.
   */
  authorize?: (call: ServerSurfaceCall) => void;
}

/** The refusal to send when `authorize` throws, or undefined when the call may go on. */
function refusal(opts: TransportOptions, call: ServerSurfaceCall): grpc.ServiceError | undefined {
  if (!opts.authorize) return undefined;
  try {
    opts.authorize(call);
    return undefined;
  } catch (err) {
    const code =
      typeof (err as { code?: unknown }).code === 'number'
        ? (err as { code: number }).code
        : grpc.status.PERMISSION_DENIED;
    return Object.assign(new Error((err as Error).message), {
      code,
      details: (err as Error).message,
      metadata: new grpc.Metadata(),
    });
  }
}

const FORWARDED = 'x-shoal-forwarded';
export const MAX_MESSAGE_BYTES = 64 * 1024 * 1024;

export function channelOptions(tls?: TransportTls): grpc.ChannelOptions {
  const opts: grpc.ChannelOptions = {
    'grpc.max_receive_message_length': MAX_MESSAGE_BYTES,
    'grpc.max_send_message_length': MAX_MESSAGE_BYTES,
    // A restarted peer must be reachable again within a few election timeouts, not after
    // gRPC's default exponential backoff (up to two minutes).
    'grpc.initial_reconnect_backoff_ms': 100,
    'grpc.min_reconnect_backoff_ms': 100,
    'grpc.max_reconnect_backoff_ms': 1000,
    'grpc.keepalive_time_ms': 10_000,
    'grpc.keepalive_timeout_ms': 5_000,
    // Distinct members must not share one connection (and its failure) in one process.
    'grpc.use_local_subchannel_pool': 1,
  };
  if (tls?.serverName) opts['grpc.ssl_target_name_override'] = tls.serverName;
  return opts;
}

export function clientCredentials(tls?: TransportTls): grpc.ChannelCredentials {
  if (!tls) return grpc.credentials.createInsecure();
  if (isProvider(tls))
    return grpc.experimental.createCertificateProviderChannelCredentials(tls.provider, tls.provider);
  return grpc.credentials.createSsl(tls.ca, tls.key, tls.cert);
}

function serverCredentials(tls?: TransportTls): grpc.ServerCredentials {
  if (!tls) return grpc.ServerCredentials.createInsecure();
  const mutual = true; // peers must present a certificate from the cluster CA
  if (isProvider(tls))
    return grpc.experimental.createCertificateProviderServerCredentials(tls.provider, tls.provider, mutual);
  return grpc.ServerCredentials.createSsl(tls.ca, [{ cert_chain: tls.cert, private_key: tls.key }], mutual);
}

export function raftClientConstructor(): ProtoGrpcType['shoal']['raft']['Raft'] {
  return loadProto<ProtoGrpcType>('raft.proto').shoal.raft.Raft;
}

export class GrpcTransport {
  private server: grpc.Server | undefined;
  private readonly peers = new Map<NodeId, Peer>();
  private readonly dirty = new Set<Peer>();
  private stopped = false;
  port = 0;

  constructor(private readonly opts: TransportOptions) {
    assertIndex(opts.id, 'transport id');
    if (!opts.listen || !/^[^\s]+:\d+$/.test(opts.listen)) {
      throw new TypeError(`listen must be host:port, got ${JSON.stringify(opts.listen)}`);
    }
  }

  /** Starts serving and returns the bound port. */
  async start(): Promise<number> {
    const proto = loadProto<ProtoGrpcType>('raft.proto').shoal.raft;
    const server = new grpc.Server({
      'grpc.max_receive_message_length': MAX_MESSAGE_BYTES,
      'grpc.max_send_message_length': MAX_MESSAGE_BYTES,
      'grpc.keepalive_permit_without_calls': 1,
      'grpc.http2.min_ping_interval_without_data_ms': 5_000,
    });
    const opts = this.opts;
    server.addService(proto.Raft.service, {
      send: (
        call: grpc.ServerReadableStream<MessageBatch__Output, object>,
        cb: grpc.sendUnaryData<object>,
      ) => {
        const denied = refusal(opts, call);
        return denied ? cb(denied) : this.onSendStream(call, cb);
      },
      sendSnapshot: (
        call: grpc.ServerReadableStream<SnapshotChunk__Output, object>,
        cb: grpc.sendUnaryData<object>,
      ) => {
        const denied = refusal(opts, call);
        return denied ? cb(denied) : this.onSnapshotStream(call, cb);
      },
      propose: (
        call: grpc.ServerUnaryCall<ProposeRequest__Output, ProposeResponse>,
        cb: grpc.sendUnaryData<ProposeResponse>,
      ) => {
        const denied = refusal(opts, call);
        return denied ? cb(denied) : this.onPropose(call, cb);
      },
      proposeStream: (call: grpc.ServerDuplexStream<ProposeBatch__Output, ProposeResults>) => {
        const denied = refusal(opts, call);
        return denied ? call.emit('error', denied) : this.onProposeStream(call);
      },
    });
    const creds = serverCredentials(this.opts.tls);
    this.port = await new Promise<number>((resolve, reject) =>
      server.bindAsync(this.opts.listen, creds, (err, port) => (err ? reject(err) : resolve(port))),
    );
    this.server = server;
    return this.port;
  }

  /** Adds a peer, or moves it to a new address. */
  addPeer(id: NodeId, address: string): void {
    assertIndex(id, 'peer id');
    if (id === this.opts.id) return;
    const existing = this.peers.get(id);
    if (existing?.address === address) return;
    existing?.close();
    const Client = raftClientConstructor();
    const client = new Client(address, clientCredentials(this.opts.tls), channelOptions(this.opts.tls));
    this.peers.set(
      id,
      new Peer(id, address, client, {
        unreachable: (pid) => this.opts.handler.onUnreachable(pid),
        snapshotStatus: (pid, ok) => this.opts.handler.onSnapshotStatus(pid, ok),
      }),
    );
  }

  removePeer(id: NodeId): void {
    this.peers.get(id)?.close();
    this.peers.delete(id);
  }

  hasPeer(id: NodeId): boolean {
    return this.peers.has(id);
  }

  peerAddress(id: NodeId): string | undefined {
    return this.peers.get(id)?.address;
  }

  /** Queues messages per peer and flushes each peer once (coalescing with pending writes). */
  send(msgs: Message[]): void {
    if (this.stopped) return;
    for (const m of msgs) {
      const peer = this.peers.get(m.to);
      if (!peer) {
        this.opts.handler.onUnreachable(m.to);
        continue;
      }
      peer.send(m);
      this.dirty.add(peer);
    }
    for (const p of this.dirty) p.flush();
    this.dirty.clear();
  }

  /** Forwards a command to `to`'s Propose rpc (used to reach the leader). */
  propose(to: NodeId, data: Uint8Array, timeoutMs = 10_000): Promise<{ index: number; result?: Uint8Array }> {
    const peer = this.peers.get(to);
    if (!peer) return Promise.reject(new Error(`no address known for member ${to}`));
    const md = new grpc.Metadata();
    md.set(FORWARDED, '1');
    return new Promise((resolve, reject) =>
      (peer.client as RaftClient).propose({ data }, md, { deadline: Date.now() + timeoutMs }, (err, res) =>
        err || !res ? reject(err ?? new Error('empty response')) : resolve(res),
      ),
    );
  }

  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    for (const p of this.peers.values()) p.close();
    this.peers.clear();
    const server = this.server;
    if (!server) return;
    await new Promise<void>((resolve) => {
      // Give in-flight calls a moment, then cut them: a stopped member must go quiet.
      const timer = setTimeout(() => server.forceShutdown(), 200);
      server.tryShutdown(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  private onSendStream(
    call: grpc.ServerReadableStream<MessageBatch__Output, object>,
    cb: grpc.sendUnaryData<object>,
  ) {
    call.on('data', (batch: MessageBatch__Output) => {
      if (this.stopped) return;
      let msgs: Message[];
      try {
        msgs = batch.messages.map(fromWire);
      } catch (err) {
        call.destroy(err as Error);
        return;
      }
      this.opts.handler.onMessages(msgs);
    });
    call.on('end', () => cb(null, {}));
    call.on('error', () => {});
  }

  private onSnapshotStream(
    call: grpc.ServerReadableStream<SnapshotChunk__Output, object>,
    cb: grpc.sendUnaryData<object>,
  ) {
    const max = this.opts.maxSnapshotBytes ?? 8 * 1024 * 1024 * 1024;
    let header: Message | undefined;
    const chunks: Buffer[] = [];
    let size = 0;
    let finished = false;
    const fail = (code: grpc.status, details: string) => {
      if (finished) return;
      finished = true;
      cb({ code, details });
    };
    call.on('data', (c: SnapshotChunk__Output) => {
      if (finished) return;
      try {
        if (!header) {
          if (!c.header) return fail(grpc.status.INVALID_ARGUMENT, 'first snapshot chunk has no header');
          header = fromWire(c.header);
          if (!header.snapshot)
            return fail(grpc.status.INVALID_ARGUMENT, 'snapshot header has no snapshot metadata');
        }
      } catch (err) {
        return fail(grpc.status.INVALID_ARGUMENT, (err as Error).message);
      }
      size += c.data.length;
      if (size > max) return fail(grpc.status.RESOURCE_EXHAUSTED, `snapshot larger than ${max} bytes`);
      chunks.push(c.data);
      if (c.last) {
        finished = true;
        header.snapshot!.data = new Uint8Array(Buffer.concat(chunks, size));
        if (!this.stopped) this.opts.handler.onMessages([header]);
        cb(null, {});
      }
    });
    call.on('end', () => fail(grpc.status.INVALID_ARGUMENT, 'snapshot stream ended before its last chunk'));
    call.on('error', () => {});
  }

  private onProposeStream(call: grpc.ServerDuplexStream<ProposeBatch__Output, ProposeResults>) {
    const handler = this.opts.handler.onPropose;
    let out: ProposeResult[] = [];
    let writing = false;
    let ended = false;
    let inFlight = 0;
    // Results that settle while a write is pending (or in the same turn) share one message.
    const flush = (): void => {
      if (writing || out.length === 0 || call.destroyed) return;
      const results = out;
      out = [];
      writing = true;
      call.write({ results }, () => {
        writing = false;
        flush();
        if (ended && inFlight === 0 && out.length === 0 && !writing) call.end();
      });
    };
    const settle = (r: ProposeResult): void => {
      inFlight--;
      out.push(r);
      if (out.length === 1) setImmediate(flush);
    };
    call.on('data', (batch: ProposeBatch__Output) => {
      for (const item of batch.items) {
        inFlight++;
        if (!handler) {
          settle({ id: item.id, error: 'this member takes no proposals' });
          continue;
        }
        handler(item.data, false).then(
          (res) => settle({ id: item.id, index: res.index, result: res.result }),
          (err: Error) =>
            settle({
              id: item.id,
              error: err.message,
              leader: err instanceof NotLeaderError ? err.leader : 0,
            }),
        );
      }
    });
    call.on('end', () => {
      ended = true;
      if (inFlight === 0 && out.length === 0 && !writing) call.end();
    });
    call.on('error', () => {});
  }

  private onPropose(
    call: grpc.ServerUnaryCall<ProposeRequest__Output, ProposeResponse>,
    cb: grpc.sendUnaryData<ProposeResponse>,
  ) {
    const handler = this.opts.handler.onPropose;
    if (!handler) return cb({ code: grpc.status.UNIMPLEMENTED, details: 'this member takes no proposals' });
    const forwarded = call.metadata.get(FORWARDED).length > 0;
    handler(call.request.data, forwarded).then(
      (res) => cb(null, { index: res.index, result: res.result }),
      (err: Error) => {
        const md = new grpc.Metadata();
        if (err instanceof NotLeaderError) md.set('x-shoal-leader', String(err.leader));
        cb({
          code: err instanceof NotLeaderError ? grpc.status.FAILED_PRECONDITION : grpc.status.UNAVAILABLE,
          details: err.message,
          metadata: md,
        });
      },
    );
  }
}
