// The manager's replicated state: a raft member whose state machine is the store.
// Writes go through ProposingStore; a follower's proposals travel to the leader over the
// raft transport and come back as bytes, so results are JSON-encoded on the way.
import * as fs from 'fs';
import * as path from 'path';
import { RaftNode } from '../raft/node';
import { StateRole } from '../raft/types';
import type { TransportTls } from '../raft/transport';
import { KeyRing, MemoryStore, ProposingStore, SlimApplyResult, storeStateMachine, DataKey } from './store';
import { MutableCertificateProvider, PeerAuthenticator, type NodeCredentials } from './ca';
import { MANAGER_OU } from './ca/roles';

export interface ReplicationOptions {
  raftId: number;
  dir: string;
  /** host:port the raft transport binds. */
  listen: string;
  /** Where other members dial this one (goes into the snapshot's address table). */
  advertise: string;
  peers?: Map<number, string>;
  /** Founding members of a brand-new cluster (empty data dir only). */
  bootstrap?: number[];
  credentials: NodeCredentials;
  /** The node's live certificates: a renewed certificate is presented on new raft connections. */
  certificates?: MutableCertificateProvider;
  dataKey: DataKey;
  /** The store to use (force-new-cluster hands over the recovered one). */
  local?: MemoryStore;
  tickMs?: number;
  electionTicks?: number;
  logger?: (msg: string) => void;
}

export interface Replication {
  raft: RaftNode<SlimApplyResult>;
  local: MemoryStore;
  store: ProposingStore;
}

export const RAFT_TICK_MS = 100;
export const RAFT_ELECTION_TICKS = 10;

export function raftTls(creds: NodeCredentials | MutableCertificateProvider): TransportTls {
  // Peers are dialled by address, but every manager certificate carries the manager OU
  // as a DNS SAN: expecting it means a raft peer must be a manager of this CA.
  if (creds instanceof MutableCertificateProvider) return { provider: creds, serverName: MANAGER_OU };
  return {
    ca: Buffer.from(creds.rootCaPem),
    cert: Buffer.from(creds.certPem),
    key: Buffer.from(creds.keyPem),
    serverName: MANAGER_OU,
  };
}

export async function startReplication(opts: ReplicationOptions): Promise<Replication> {
  fs.mkdirSync(opts.dir, { recursive: true, mode: 0o700 });
  const local = opts.local ?? new MemoryStore();
  const peers = new Map(opts.peers ?? []);
  if (opts.bootstrap) peers.set(opts.raftId, opts.advertise);
  const peerAuth = new PeerAuthenticator(opts.credentials.rootCaPem);
  const raft = await RaftNode.start<SlimApplyResult>({
    id: opts.raftId,
    dataDir: path.join(opts.dir),
    listen: opts.listen,
    stateMachine: storeStateMachine(local),
    peers,
    bootstrap: opts.bootstrap,
    tls: raftTls(opts.certificates ?? opts.credentials),
    // TLS proves only a certificate from the cluster CA; raft writes the store directly,
    // so a worker's certificate must not get in.
    authorizePeer: (call) => void peerAuth.requireRole(call, 'manager'),
    tickMs: opts.tickMs ?? RAFT_TICK_MS,
    electionTicks: opts.electionTicks ?? RAFT_ELECTION_TICKS,
    fastLeaderLossDetection: true,
    encodeResult: (r) => Buffer.from(JSON.stringify(r)),
    logger: opts.logger,
    requestTimeoutMs: 5_000,
  });
  const propose = async (data: Uint8Array): Promise<unknown> => {
    if (raft.isLeader) return raft.propose(data);
    const res = await raft.proposeViaLeader(data);
    if (!res.result || res.result.length === 0)
      throw new Error('the leader answered without an apply result');
    return JSON.parse(Buffer.from(res.result).toString()) as unknown;
  };
  const store = new ProposingStore(local, propose, { keyring: new KeyRing(opts.dataKey) });
  return { raft, local, store };
}

export const isLeaderRole = (role: StateRole): boolean => role === StateRole.Leader;
