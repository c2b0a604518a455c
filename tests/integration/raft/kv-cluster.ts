// A tiny key-value state machine and a cluster of driver nodes over real gRPC on
// 127.0.0.1, for the raft integration tests.
import * as fs from 'fs';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';
import { RaftNode, RaftNodeOptions, StateMachine } from '../../../raft/node';
import { Entry, NodeId } from '../../../raft/types';

export class KvStore implements StateMachine<string | null> {
  data = new Map<string, string>();
  appliedCount = 0;
  restores = 0;
  apply(e: Entry): string | null {
    const { k, v } = JSON.parse(Buffer.from(e.data).toString()) as { k: string; v: string };
    const prev = this.data.get(k) ?? null;
    this.data.set(k, v);
    this.appliedCount++;
    return prev;
  }
  snapshot(): Uint8Array {
    return Buffer.from(JSON.stringify([...this.data]));
  }
  restore(data: Uint8Array): void {
    this.restores++;
    this.data = new Map(
      data.length ? (JSON.parse(Buffer.from(data).toString()) as Array<[string, string]>) : [],
    );
  }
}

export const put = (k: string, v: string): Uint8Array => Buffer.from(JSON.stringify({ k, v }));

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

export async function until(cond: () => boolean, what: string, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

export class Cluster {
  readonly root = fs.mkdtempSync(path.join(os.tmpdir(), 'shoal-raft-it-'));
  readonly nodes = new Map<NodeId, RaftNode<string | null>>();
  readonly stores = new Map<NodeId, KvStore>();
  readonly ports = new Map<NodeId, number>();
  readonly notices: string[] = [];

  constructor(private readonly extra: Partial<RaftNodeOptions<string | null>> = {}) {}

  dataDir(id: NodeId): string {
    return path.join(this.root, `n${id}`);
  }

  addresses(): Map<NodeId, string> {
    return new Map([...this.ports].map(([id, p]) => [id, `127.0.0.1:${p}`]));
  }

  async start(ids: NodeId[], bootstrap: NodeId[] = ids): Promise<void> {
    for (const id of ids) if (!this.ports.has(id)) this.ports.set(id, await freePort());
    await Promise.all(ids.map((id) => this.startNode(id, bootstrap)));
  }

  async startNode(id: NodeId, bootstrap?: NodeId[]): Promise<RaftNode<string | null>> {
    if (!this.ports.has(id)) this.ports.set(id, await freePort());
    const store = new KvStore();
    const node = await RaftNode.start<string | null>({
      id,
      dataDir: this.dataDir(id),
      listen: `127.0.0.1:${this.ports.get(id)}`,
      peers: this.addresses(),
      bootstrap,
      stateMachine: store,
      tickMs: 20,
      encodeResult: (r) => Buffer.from(JSON.stringify(r)),
      logger: (m) => this.notices.push(`[${id}] ${m}`),
      ...this.extra,
    });
    this.nodes.set(id, node);
    this.stores.set(id, store);
    return node;
  }

  async stopNode(id: NodeId): Promise<void> {
    const n = this.nodes.get(id);
    this.nodes.delete(id);
    await n?.stop();
  }

  async leader(ms = 10_000): Promise<RaftNode<string | null>> {
    let found: RaftNode<string | null> | undefined;
    await until(
      () => {
        const leaders = [...this.nodes.values()].filter((n) => n.isLeader);
        // Exactly one leader, and every running member agrees on it.
        found =
          leaders.length === 1 && [...this.nodes.values()].every((n) => n.leader === leaders[0].id)
            ? leaders[0]
            : undefined;
        return found !== undefined;
      },
      'a leader all members agree on',
      ms,
    );
    return found!;
  }

  async close(): Promise<void> {
    await Promise.all([...this.nodes.keys()].map((id) => this.stopNode(id)));
    fs.rmSync(this.root, { recursive: true, force: true });
  }
}
