// The outbound side towards one peer: a single long-lived Send stream. Messages that
// arrive while a write is still being flushed are coalesced into the next batch, so a
// busy leader sends few, large batches instead of many small ones. Raft tolerates loss:
// when the stream breaks, queued messages are dropped and the peer reported unreachable.
import * as grpc from '@grpc/grpc-js';
import type { RaftClient } from '../../proto/gen/shoal/raft/Raft';
import type { Message as WireMessage } from '../../proto/gen/shoal/raft/Message';
import type { MessageBatch } from '../../proto/gen/shoal/raft/MessageBatch';
import type { SendAck__Output } from '../../proto/gen/shoal/raft/SendAck';
import { Message, NodeId, Snapshot } from '../types';
import { toWire } from './codec';

export const SNAPSHOT_CHUNK_BYTES = 1024 * 1024;
const MAX_QUEUED = 20_000; // beyond this the peer is not keeping up: drop and report
const MAX_BATCH_BYTES = 16 * 1024 * 1024;

export interface PeerEvents {
  unreachable(id: NodeId): void;
  snapshotStatus(id: NodeId, ok: boolean): void;
}

export class Peer {
  private stream: grpc.ClientWritableStream<MessageBatch> | undefined;
  private queue: WireMessage[] = [];
  private queuedBytes = 0;
  private writing = false;
  private closed = false;

  constructor(
    readonly id: NodeId,
    readonly address: string,
    readonly client: RaftClient,
    private readonly events: PeerEvents,
  ) {}

  send(m: Message): void {
    if (this.closed) return;
    if (m.snapshot) {
      this.sendSnapshot(m);
      return;
    }
    if (this.queue.length >= MAX_QUEUED) {
      this.dropQueue();
      this.events.unreachable(this.id);
      return;
    }
    const w = toWire(m);
    this.queue.push(w);
    if (m.entries) for (const e of m.entries) this.queuedBytes += e.data.length + 32;
  }

  /** Writes what is queued unless a write is pending (then the next flush takes it all). */
  flush(): void {
    if (this.writing || this.closed || this.queue.length === 0) return;
    const stream = this.ensureStream();
    let batch: WireMessage[];
    if (this.queuedBytes <= MAX_BATCH_BYTES) {
      batch = this.queue;
      this.queue = [];
      this.queuedBytes = 0;
    } else {
      batch = this.takeBatchUpTo(MAX_BATCH_BYTES);
    }
    this.writing = true;
    stream.write({ messages: batch }, () => {
      this.writing = false;
      // Only the current stream's completion may start the next write.
      if (this.stream === stream) this.flush();
    });
  }

  close(): void {
    this.closed = true;
    this.dropQueue();
    this.stream?.end();
    this.stream = undefined;
    this.client.close();
  }

  private takeBatchUpTo(limit: number): WireMessage[] {
    let bytes = 0;
    let n = 0;
    while (n < this.queue.length) {
      let size = 0;
      for (const e of this.queue[n].entries ?? [])
        size += ((e.data as Uint8Array | undefined)?.length ?? 0) + 32;
      if (n > 0 && bytes + size > limit) break;
      bytes += size;
      n++;
    }
    this.queuedBytes -= bytes;
    return this.queue.splice(0, n);
  }

  private dropQueue(): void {
    this.queue = [];
    this.queuedBytes = 0;
  }

  private ensureStream(): grpc.ClientWritableStream<MessageBatch> {
    if (this.stream) return this.stream;
    const stream = this.client.send((err: grpc.ServiceError | null, _ack?: SendAck__Output) => {
      if (this.stream === stream) {
        this.stream = undefined;
        this.writing = false;
      }
      if (err && !this.closed) {
        this.dropQueue();
        this.events.unreachable(this.id);
      }
    });
    this.stream = stream;
    return stream;
  }

  private sendSnapshot(m: Message): void {
    const snap = m.snapshot as Snapshot;
    let settled = false;
    const done = (ok: boolean) => {
      if (settled) return;
      settled = true;
      if (!ok && !this.closed) this.events.unreachable(this.id);
      this.events.snapshotStatus(this.id, ok);
    };
    const call = this.client.sendSnapshot((err: grpc.ServiceError | null) => done(!err));
    const header = toWire({ ...m, snapshot: { meta: snap.meta, data: new Uint8Array(0) } });
    const data = snap.data;
    let off = 0;
    const pump = (): void => {
      while (off < data.length || off === 0) {
        const end = Math.min(data.length, off + SNAPSHOT_CHUNK_BYTES);
        const chunk = {
          header: off === 0 ? header : undefined,
          data: data.subarray(off, end),
          last: end >= data.length,
        };
        off = end === 0 ? 1 : end; // an empty snapshot still sends its header once
        const more = call.write(chunk);
        if (chunk.last) {
          call.end();
          return;
        }
        if (!more) {
          call.once('drain', pump);
          return;
        }
      }
    };
    call.on('error', () => done(false));
    pump();
  }
}
