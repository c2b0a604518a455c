// Test helpers for driving the raft core directly (etcd's raft_test.go helpers).
import {
  decodeConfChange,
  EntryType,
  MemoryStorage,
  MessageType,
  RawNode,
  type Config,
  type Entry,
  type Message,
  type NodeId,
} from '../../../raft';
import { Raft } from '../../../raft/core/raft';

const EMPTY = new Uint8Array(0);
export const enc = (s: string): Uint8Array => new TextEncoder().encode(s);

export function entry(term: number, index: number, data = ''): Entry {
  return { term, index, type: EntryType.Normal, data: data ? enc(data) : EMPTY };
}

// A storage holding `terms[i]` as the term of entry i+1.
export function storageWith(voters: NodeId[], terms: number[] = []): MemoryStorage {
  const s = new MemoryStorage({ voters });
  s.append(terms.map((t, i) => entry(t, i + 1)));
  return s;
}

export function newRaft(
  id: NodeId,
  voters: NodeId[],
  opts: Partial<Config> & { storage?: MemoryStorage } = {},
): { r: Raft; s: MemoryStorage } {
  const s = opts.storage ?? new MemoryStorage({ voters });
  const r = new Raft({
    id,
    electionTick: 10,
    heartbeatTick: 1,
    maxInflightMsgs: 256,
    random: () => 0,
    ...opts,
    storage: s,
  });
  return { r, s };
}

// What a Ready would persist, persisted; then the self-addressed acknowledgements
// (self-vote, leader's self-ack) delivered, as RawNode.advance() does.
export function persist(r: Raft, s: MemoryStorage): void {
  const ents = r.raftLog.unstableEntries();
  if (ents.length > 0) {
    s.append(ents);
    const last = ents[ents.length - 1];
    r.raftLog.stableTo(last.index, last.term);
  }
  s.setHardState(r.hardState());
  r.stepMessagesAfterAppend();
}

export function readMessages(r: Raft): Message[] {
  r.flushPendingAppends();
  const m = r.msgs;
  r.msgs = [];
  return m;
}

export function msg(
  type: MessageType,
  from: NodeId,
  to: NodeId,
  term: number,
  extra: Partial<Message> = {},
): Message {
  return { type, from, to, term, ...extra };
}

export function lastEntries(r: Raft): Array<[number, number]> {
  const log = r.raftLog;
  return log.slice(log.firstIndex(), log.lastIndex() + 1).map((e) => [e.term, e.index]);
}

// A cluster of RawNodes with a lossless, instantly delivering network, following the
// Ready contract (persist, send, apply, advance).
export class Cluster {
  readonly nodes = new Map<NodeId, RawNode>();
  readonly storages = new Map<NodeId, MemoryStorage>();
  readonly applied = new Map<NodeId, string[]>();
  readonly reads = new Map<NodeId, Array<[number, string]>>();
  // Predicate: true = drop the message.
  drop: (m: Message) => boolean = () => false;

  constructor(ids: NodeId[], opts: Partial<Config> = {}, storages?: Map<NodeId, MemoryStorage>) {
    for (const id of ids) {
      const storage = storages?.get(id) ?? new MemoryStorage({ voters: ids });
      this.storages.set(id, storage);
      this.applied.set(id, []);
      this.reads.set(id, []);
      this.nodes.set(
        id,
        new RawNode({ id, storage, electionTick: 10, heartbeatTick: 1, maxInflightMsgs: 256, ...opts }),
      );
    }
  }

  node(id: NodeId): RawNode {
    return this.nodes.get(id)!;
  }

  stabilize(maxRounds = 1000): void {
    for (let round = 0; round < maxRounds; round++) {
      const inflight: Message[] = [];
      for (const [id, n] of this.nodes) {
        while (n.hasReady()) {
          const rd = n.ready();
          const s = this.storages.get(id)!;
          if (rd.snapshot) s.applySnapshot(rd.snapshot);
          s.append(rd.entries);
          if (rd.hardState) s.setHardState(rd.hardState);
          inflight.push(...rd.messages);
          for (const rs of rd.readStates)
            this.reads.get(id)!.push([rs.index, new TextDecoder().decode(rs.requestCtx)]);
          for (const e of rd.committedEntries) {
            if (e.type === EntryType.ConfChange) s.setConfState(n.applyConfChange(decodeConfChange(e.data)));
            else if (e.data.length > 0) {
              this.applied.get(id)!.push(new TextDecoder().decode(e.data));
            }
          }
          n.advance();
        }
      }
      if (inflight.length === 0) return;
      for (const m of inflight) if (!this.drop(m)) this.nodes.get(m.to)?.step(m);
    }
    throw new Error('cluster did not stabilize');
  }
}

// Makes `r` the leader of its configuration: campaign, every other voter grants.
// Returns the messages sent on becoming leader (the appends of the empty entry).
export function elect(r: Raft, s: MemoryStorage): Message[] {
  r.step({ type: MessageType.Hup, from: r.id, to: r.id, term: 0 });
  persist(r, s);
  for (const id of r.trk.voters) {
    if (id !== r.id && r.state !== 'Leader')
      r.step({ type: MessageType.VoteResp, from: id, to: r.id, term: r.term });
  }
  persist(r, s);
  return readMessages(r);
}
