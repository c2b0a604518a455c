// `shoal init --force-new-cluster`: after quorum is lost for good, a surviving manager
// restarts the cluster alone from what it has committed. Its raft log is replayed into
// a fresh store (up to the commit index it knows, as etcd's force-new-cluster does), the
// old raft folder is kept aside, and a new one-member raft is bootstrapped from that
// state under the same raft id.
import * as fs from 'fs';
import { RaftNode } from '../../raft/node';
import { MemoryStore, storeStateMachine } from '../store';
import type { NodeCredentials } from '../ca';
import { raftTls } from '../replication';
import type { Logger } from '../context';

export async function recoverCommittedState(
  raftDir: string,
  raftId: number,
  credentials: NodeCredentials,
  logger: Logger,
  timeoutMs = 15_000,
): Promise<MemoryStore> {
  if (!fs.existsSync(raftDir)) throw new Error(`--force-new-cluster: there is no raft state in ${raftDir}`);
  const local = new MemoryStore();
  const raft = await RaftNode.start({
    id: raftId,
    dataDir: raftDir,
    listen: '127.0.0.1:0',
    stateMachine: storeStateMachine(local),
    tls: raftTls(credentials),
    // Only replay: a tick this slow never starts an election while we read.
    tickMs: 3_600_000,
    logger: (m) => logger.debug(m),
  });
  try {
    const deadline = Date.now() + timeoutMs;
    while (raft.appliedIndex < raft.status().commit) {
      if (Date.now() > deadline)
        throw new Error(
          `--force-new-cluster: replaying the raft log stalled at ${raft.appliedIndex} of ${raft.status().commit}`,
        );
      await new Promise((r) => setTimeout(r, 20));
    }
    logger.info('force-new-cluster: recovered the committed state', {
      applied: raft.appliedIndex,
      objects: local.list('nodes').length + local.list('services').length,
    });
  } finally {
    await raft.stop();
  }
  const aside = `${raftDir}.before-force-new-cluster-${Date.now()}`;
  fs.renameSync(raftDir, aside);
  logger.info('force-new-cluster: kept the old raft state aside', { dir: aside });
  return local;
}
