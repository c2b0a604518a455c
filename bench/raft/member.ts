// One raft member of the benchmark cluster, run as its own process (child_process.fork).
// The parent drives it over IPC: status, run N in-process proposers for T seconds,
// probe a write until one commits (failover), transfer leadership, exit.
import { RaftNode, StateMachine } from '../../raft/node';
import { Entry } from '../../raft/types';
import { LoadResult, runProposers } from './load';

export interface MemberConfig {
  id: number;
  port: number;
  dataDir: string;
  peers: Record<number, string>;
  bootstrap: number[];
  tickMs: number;
  fastLeaderLossDetection: boolean;
}

// The state machine is deliberately trivial: the benchmark measures raft, not the store.
class Counter implements StateMachine<number> {
  count = 0;
  apply(e: Entry): number {
    this.count++;
    return e.index;
  }
  snapshot(): Uint8Array {
    const b = Buffer.alloc(8);
    b.writeDoubleLE(this.count, 0);
    return b;
  }
  restore(data: Uint8Array): void {
    this.count = data.length >= 8 ? Buffer.from(data).readDoubleLE(0) : 0;
  }
}

async function main(): Promise<void> {
  const cfg = JSON.parse(process.argv[2]) as MemberConfig;
  const node = await RaftNode.start<number>({
    id: cfg.id,
    dataDir: cfg.dataDir,
    listen: `127.0.0.1:${cfg.port}`,
    peers: cfg.peers,
    bootstrap: cfg.bootstrap,
    stateMachine: new Counter(),
    tickMs: cfg.tickMs,
    fastLeaderLossDetection: cfg.fastLeaderLossDetection,
    encodeResult: (index) => {
      const b = Buffer.alloc(8);
      b.writeDoubleLE(index, 0);
      return b;
    },
    logger: (m) => process.stderr.write(`[member ${cfg.id}] ${m}\n`),
  });
  const reply = (id: number, body: object) => process.send!({ id, ...body });
  process.on('message', (msg: { id: number; cmd: string; [k: string]: unknown }) => {
    const handle = async (): Promise<object> => {
      switch (msg.cmd) {
        case 'status':
          return {
            leader: node.leader,
            isLeader: node.isLeader,
            applied: node.appliedIndex,
            term: node.currentTerm,
          };
        case 'load': {
          const before = { ...node.metrics };
          const result: LoadResult = {
            ...(await runProposers(
              (d) => node.propose(d),
              msg.proposers as number,
              msg.seconds as number,
              msg.payloadBytes as number,
            )),
            readies: node.metrics.readies - before.readies,
            syncs: node.metrics.syncs - before.syncs,
            entriesPersisted: node.metrics.entriesPersisted - before.entriesPersisted,
          };
          return result;
        }
        case 'metrics':
          return { ...node.metrics };
        case 'probe-write': {
          // Keep trying one write through whoever leads until it commits.
          const deadline = Date.now() + (msg.timeoutMs as number);
          for (;;) {
            try {
              await node.proposeViaLeader(Buffer.from('probe'));
              return { committed: true };
            } catch (err) {
              if (Date.now() > deadline) return { committed: false, error: (err as Error).message };
              await new Promise((r) => setTimeout(r, 5));
            }
          }
        }
        case 'transfer':
          await node.transferLeadership(msg.to as number);
          return {};
        case 'exit':
          await node.stop();
          setImmediate(() => process.exit(0));
          return {};
        default:
          throw new Error(`unknown command ${msg.cmd}`);
      }
    };
    handle().then(
      (body) => reply(msg.id, { ok: true, result: body }),
      (err: Error) => reply(msg.id, { ok: false, error: err.message }),
    );
  });
  process.send!({ id: 0, ok: true, result: { started: cfg.id } });
}

main().catch((err) => {
  process.stderr.write(`member failed: ${(err as Error).stack}\n`);
  process.exit(1);
});
