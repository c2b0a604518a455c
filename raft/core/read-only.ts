// Pending linearizable reads on the leader (etcd's read_only.go, ReadOnlySafe): each
// request remembers the commit index at arrival and waits until a quorum answered a
// heartbeat carrying its context, which proves the leader was still the leader then.
import type { Message, NodeId } from '../types';

export interface ReadIndexStatus {
  req: Message;
  index: number;
  acks: Set<NodeId>;
}

function key(ctx: Uint8Array): string {
  return Buffer.from(ctx.buffer, ctx.byteOffset, ctx.byteLength).toString('latin1');
}

export class ReadOnly {
  private readonly pending = new Map<string, ReadIndexStatus>();
  private queue: string[] = [];

  get size(): number {
    return this.queue.length;
  }

  addRequest(index: number, m: Message): void {
    const k = key(m.context!);
    if (this.pending.has(k)) return;
    this.pending.set(k, { req: m, index, acks: new Set() });
    this.queue.push(k);
  }

  // Returns the acks collected for that context, or undefined for unknown contexts.
  recvAck(id: NodeId, ctx: Uint8Array): Set<NodeId> | undefined {
    const rs = this.pending.get(key(ctx));
    if (!rs) return undefined;
    rs.acks.add(id);
    return rs.acks;
  }

  // Releases the request with this context and every request queued before it: a
  // heartbeat round confirming a later request confirms the earlier ones too.
  advance(ctx: Uint8Array): ReadIndexStatus[] {
    const k = key(ctx);
    const at = this.queue.indexOf(k);
    if (at < 0) return [];
    const released = this.queue.slice(0, at + 1);
    this.queue = this.queue.slice(at + 1);
    const out: ReadIndexStatus[] = [];
    for (const rk of released) {
      out.push(this.pending.get(rk)!);
      this.pending.delete(rk);
    }
    return out;
  }

  lastPendingContext(): Uint8Array | undefined {
    if (this.queue.length === 0) return undefined;
    return this.pending.get(this.queue[this.queue.length - 1])!.req.context;
  }

  reset(): void {
    this.pending.clear();
    this.queue = [];
  }
}
