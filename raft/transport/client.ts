// A client of a member's Propose rpcs, for processes outside the cluster (tools, benches):
// the member forwards each command to the leader and answers once it is applied there.
// Concurrent commands share one ProposeStream: those issued while a write is pending go
// out together in the next message, so the per-call cost of gRPC is paid per batch.
import * as grpc from '@grpc/grpc-js';
import type { RaftClient } from '../../proto/gen/shoal/raft/Raft';
import type { ProposeBatch } from '../../proto/gen/shoal/raft/ProposeBatch';
import type { ProposeItem } from '../../proto/gen/shoal/raft/ProposeItem';
import type { ProposeResults__Output } from '../../proto/gen/shoal/raft/ProposeResults';
import { NotLeaderError } from '../types';
import { TransportTls, channelOptions, clientCredentials, raftClientConstructor } from './grpc-transport';

export interface ProposeOutcome {
  index: number;
  result: Uint8Array;
}

interface Waiter {
  resolve(v: ProposeOutcome): void;
  reject(e: Error): void;
  timer: NodeJS.Timeout;
}

export class ProposeClient {
  private readonly client: RaftClient;
  private stream: grpc.ClientDuplexStream<ProposeBatch, ProposeResults__Output> | undefined;
  private queue: ProposeItem[] = [];
  private writing = false;
  private nextId = 1;
  private readonly waiting = new Map<number, Waiter>();

  constructor(address: string, tls?: TransportTls) {
    const Client = raftClientConstructor();
    this.client = new Client(address, clientCredentials(tls), channelOptions(tls));
  }

  /** One command through the shared stream; rejects with NotLeaderError if no leader could take it. */
  propose(data: Uint8Array, timeoutMs = 10_000): Promise<ProposeOutcome> {
    const id = this.nextId++;
    return new Promise<ProposeOutcome>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting.delete(id);
        reject(new Error(`proposal not answered within ${timeoutMs} ms`));
      }, timeoutMs);
      this.waiting.set(id, { resolve, reject, timer });
      this.queue.push({ id, data });
      if (this.queue.length === 1) setImmediate(() => this.flush());
    });
  }

  /** A single unary call (no batching): simplest for occasional commands. */
  proposeOnce(data: Uint8Array, timeoutMs = 10_000): Promise<ProposeOutcome> {
    return new Promise((resolve, reject) =>
      this.client.propose(
        { data },
        { deadline: Date.now() + timeoutMs },
        (err: grpc.ServiceError | null, res) =>
          err || !res
            ? reject(err ?? new Error('empty response'))
            : resolve({ index: res.index, result: res.result }),
      ),
    );
  }

  close(): void {
    this.stream?.end();
    this.stream = undefined;
    this.failAll(new Error('client closed'));
    this.client.close();
  }

  private flush(): void {
    if (this.writing || this.queue.length === 0) return;
    const stream = this.ensureStream();
    const items = this.queue;
    this.queue = [];
    this.writing = true;
    stream.write({ items }, () => {
      this.writing = false;
      this.flush();
    });
  }

  private ensureStream(): grpc.ClientDuplexStream<ProposeBatch, ProposeResults__Output> {
    if (this.stream) return this.stream;
    const stream = this.client.proposeStream();
    stream.on('data', (msg: ProposeResults__Output) => {
      for (const r of msg.results) {
        const w = this.waiting.get(r.id);
        if (!w) continue;
        this.waiting.delete(r.id);
        clearTimeout(w.timer);
        if (!r.error) w.resolve({ index: r.index, result: r.result });
        else
          w.reject(r.error.startsWith('not the leader') ? new NotLeaderError(r.leader) : new Error(r.error));
      }
    });
    const broken = (err: Error) => {
      if (this.stream !== stream) return;
      this.stream = undefined;
      this.writing = false;
      this.failAll(err);
    };
    stream.on('error', broken);
    stream.on('end', () => broken(new Error('propose stream ended by the member')));
    this.stream = stream;
    return stream;
  }

  private failAll(err: Error): void {
    this.queue = [];
    for (const w of this.waiting.values()) {
      clearTimeout(w.timer);
      w.reject(err);
    }
    this.waiting.clear();
  }
}
