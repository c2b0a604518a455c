// One cluster member in its own process: a RaftNode (WAL on disk, gRPC transport on
// 127.0.0.1) over the simulator's key-value state machine. The parent test talks to
// it over IPC for status and linearizable reads; writes arrive as Propose rpcs.
import { RaftNode, StateMachine } from '../../../raft/node';
import { Entry } from '../../../raft/types';
import { decodeCommand, KvStateMachine } from '../../support/raft-sim/kv-state-machine';
import { KvOutput } from '../../support/linearizability';

export type ToMember = { type: 'status'; id: number } | { type: 'read'; id: number; key: string };
export type FromMember =
  | { type: 'started'; port: number }
  | { type: 'status'; id: number; isLeader: boolean; term: number; leader: number; applied: number }
  | { type: 'read'; id: number; ok: true; output: KvOutput }
  | { type: 'read'; id: number; ok: false; error: string };

class KvAdapter implements StateMachine<KvOutput | undefined> {
  sm = new KvStateMachine();
  apply(entry: Entry): KvOutput | undefined {
    return this.sm.apply(decodeCommand(entry.data));
  }
  snapshot(): Uint8Array {
    return this.sm.snapshot();
  }
  restore(data: Uint8Array): void {
    this.sm = KvStateMachine.restore(data);
  }
}

const encoder = new TextEncoder();

async function main(): Promise<void> {
  const id = Number(process.env.MEMBER_ID);
  const peers = JSON.parse(process.env.MEMBER_PEERS ?? '{}') as Record<number, string>;
  const kv = new KvAdapter();
  const node = await RaftNode.start<KvOutput | undefined>({
    id,
    dataDir: process.env.MEMBER_DATA_DIR!,
    listen: peers[id],
    peers,
    bootstrap: Object.keys(peers).map(Number),
    stateMachine: kv,
    tickMs: 50,
    electionTicks: 10,
    heartbeatTicks: 1,
    snapshotEvery: 40,
    snapshotCatchUpEntries: 10,
    requestTimeoutMs: 2_000,
    fastLeaderLossDetection: true,
    // undefined: the command is older than its client's latest, nobody waits for it.
    encodeResult: (r) => encoder.encode(JSON.stringify(r ?? null)),
  });
  const send = (m: FromMember) => process.send?.(m);
  process.on('message', (m: ToMember) => {
    if (m.type === 'status') {
      send({
        type: 'status',
        id: m.id,
        isLeader: node.isLeader,
        term: node.currentTerm,
        leader: node.leader,
        applied: node.appliedIndex,
      });
    } else {
      node
        .read(() => kv.sm.read(m.key))
        .then(
          (output) => send({ type: 'read', id: m.id, ok: true, output }),
          (err: Error) => send({ type: 'read', id: m.id, ok: false, error: err.message }),
        );
    }
  });
  process.on('disconnect', () => {
    void node.stop().then(() => process.exit(0));
  });
  send({ type: 'started', port: node.port });
}

main().catch((err: Error) => {
  process.stderr.write(`member ${process.env.MEMBER_ID} failed: ${err.stack}\n`);
  process.exit(1);
});
