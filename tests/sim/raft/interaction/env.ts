// A deterministic cluster of RawNodes where the script controls every tick, every
// Ready and every message delivery (etcd's rafttest.InteractionEnv, in spirit).
import {
  EntryType,
  MemoryStorage,
  RawNode,
  ReadOnlyOption,
  StateRole,
  ConfChangeType,
  decodeConfChange,
  describeConfState,
  describeEntry,
  describeMessage,
  describeReady,
  NONE,
  type Config,
  type ConfChange,
  type Message,
  type NodeId,
} from '../../../../raft';
import type { Command } from './script';

interface NodeState {
  id: NodeId;
  raw: RawNode;
  storage: MemoryStorage;
  config: Config;
  applied: string[]; // data of applied normal entries, for reads and checks
}

const enc = new TextEncoder();

function parseIds(v: string | undefined): NodeId[] {
  if (v === undefined || v === '' || v === '()') return [];
  return v
    .replace(/[()]/g, '')
    .split(',')
    .filter((s) => s !== '')
    .map((s) => {
      const n = Number(s);
      if (!Number.isSafeInteger(n) || n <= 0) throw new Error(`bad node id '${s}'`);
      return n;
    });
}

function bool(v: string | undefined, dflt: boolean): boolean {
  if (v === undefined) return dflt;
  if (v !== 'true' && v !== 'false') throw new Error(`expected true/false, got '${v}'`);
  return v === 'true';
}

function num(v: string | undefined, what: string): number {
  const n = Number(v);
  if (v === undefined || !Number.isSafeInteger(n)) throw new Error(`${what} must be an integer, got '${v}'`);
  return n;
}

export class InteractionEnv {
  private readonly nodes = new Map<NodeId, NodeState>();
  private network: Message[] = [];
  // Copies of messages held back to be delivered again later (duplicated, reordered).
  private held: Message[] = [];
  // Node -> partition group; nodes in different groups cannot talk. Empty = healed.
  private groups = new Map<NodeId, number>();
  private out: string[] = [];

  run(c: Command): string {
    this.out = [];
    try {
      this.dispatch(c);
    } catch (e) {
      this.out.push(`error: ${(e as Error).message}`);
    }
    return this.out.join('\n').replace(/\n{2,}/g, '\n') || 'ok';
  }

  private log(s: string): void {
    this.out.push(s);
  }

  private node(idStr: string | undefined): NodeState {
    const id = num(idStr, 'node id');
    const n = this.nodes.get(id);
    if (!n) throw new Error(`no node ${id}`);
    return n;
  }

  private ids(c: Command): NodeId[] {
    return c.args.length > 0
      ? c.args.map((a) => this.node(a).id)
      : [...this.nodes.keys()].sort((a, b) => a - b);
  }

  private dispatch(c: Command): void {
    switch (c.name) {
      case 'add-nodes':
        return this.addNodes(c);
      case 'campaign':
        return this.node(c.args[0]).raw.campaign();
      case 'propose':
        return this.node(c.args[0]).raw.propose(enc.encode(c.args[1] ?? ''));
      case 'propose-conf-change':
        return this.node(c.args[0]).raw.proposeConfChange(this.parseConfChange(c.args[1]));
      case 'read-index':
        return this.node(c.args[0]).raw.readIndex(enc.encode(c.args[1]));
      case 'transfer-leadership': {
        const from = this.node(c.kv.get('from'));
        return from.raw.transferLeader(num(c.kv.get('to'), 'to'));
      }
      case 'tick':
        return this.tick(this.node(c.args[0]), num(c.args[1] ?? '1', 'count'));
      case 'tick-heartbeat': {
        const n = this.node(c.args[0]);
        return this.tick(n, n.config.heartbeatTick);
      }
      case 'tick-election': {
        const n = this.node(c.args[0]);
        return this.tick(n, n.config.electionTick);
      }
      case 'process-ready':
        for (const id of this.ids(c)) this.processReady(this.nodes.get(id)!);
        return;
      case 'deliver-msgs':
        this.deliver(this.ids(c), new Set(parseIds(c.kv.get('drop'))));
        return;
      case 'stabilize':
        return this.stabilize(this.ids(c));
      case 'status':
        return this.status(this.node(c.args[0]));
      case 'raft-state':
        return this.raftState();
      case 'raft-log':
        return this.raftLog(this.node(c.args[0]));
      case 'compact':
        return this.compact(this.node(c.args[0]), num(c.args[1], 'index'));
      case 'partition':
        return this.partition(c.args);
      case 'heal':
        this.groups.clear();
        return;
      case 'restart':
        return this.restart(this.node(c.args[0]));
      case 'report-unreachable':
        return this.node(c.args[0]).raw.reportUnreachable(num(c.args[1], 'peer'));
      case 'duplicate-msgs': {
        // Holds copies of the messages pending for a node, to be re-delivered late.
        const to = this.node(c.args[0]).id;
        for (const m of this.network) {
          if (m.to !== to) continue;
          this.held.push({ ...m });
          this.log(`held copy: ${describeMessage(m)}`);
        }
        return;
      }
      case 'release-held': {
        const to = this.node(c.args[0]).id;
        const rest: Message[] = [];
        for (const m of this.held) (m.to === to ? this.network : rest).push(m);
        this.held = rest;
        return;
      }
      case 'applied':
        return this.log(`${c.args[0]}: [${this.node(c.args[0]).applied.join(' ')}]`);
      default:
        throw new Error(`unknown command '${c.name}'`);
    }
  }

  private addNodes(c: Command): void {
    const count = num(c.args[0], 'count');
    const voters = parseIds(c.kv.get('voters'));
    const learners = parseIds(c.kv.get('learners'));
    for (let k = 0; k < count; k++) {
      const id = this.nodes.size + 1;
      const storage = new MemoryStorage({ voters, learners });
      const config: Config = {
        id,
        storage,
        electionTick: Number(c.kv.get('election') ?? 10),
        heartbeatTick: Number(c.kv.get('heartbeat') ?? 1),
        maxInflightMsgs: Number(c.kv.get('max-inflight') ?? 256),
        maxSizePerMsg: Number(c.kv.get('max-size') ?? 0),
        preVote: bool(c.kv.get('prevote'), false),
        checkQuorum: bool(c.kv.get('checkquorum'), false),
        readOnlyOption: c.kv.get('read-only') === 'lease' ? ReadOnlyOption.LeaseBased : ReadOnlyOption.Safe,
        disableProposalForwarding: bool(c.kv.get('disable-forwarding'), false),
        // Election timeouts are exactly electionTick here, so `tick-election` is exact.
        random: () => 0,
      };
      this.nodes.set(id, { id, raw: new RawNode(config), storage, config, applied: [] });
      this.log(`INFO ${id} added: ${describeConfState({ voters, learners })}`);
    }
  }

  private parseConfChange(s: string | undefined): ConfChange {
    const m = /^([vlr])(\d+)$/.exec(s ?? '');
    if (!m) throw new Error(`conf change must look like v2, l4 or r3, got '${s}'`);
    const type =
      m[1] === 'v'
        ? ConfChangeType.AddVoter
        : m[1] === 'l'
          ? ConfChangeType.AddLearner
          : ConfChangeType.RemoveVoter;
    return { type, nodeId: Number(m[2]) };
  }

  private tick(n: NodeState, count: number): void {
    for (let i = 0; i < count; i++) n.raw.tick();
  }

  // Persist, then queue messages, then apply, then advance: the Ready contract.
  private processReady(n: NodeState): boolean {
    if (!n.raw.hasReady()) return false;
    const rd = n.raw.ready();
    this.log(`> ${n.id} handling Ready`);
    const text = describeReady(rd);
    if (text) this.log(indent(text, '  '));
    if (rd.snapshot) n.storage.applySnapshot(rd.snapshot);
    n.storage.append(rd.entries);
    if (rd.hardState) n.storage.setHardState(rd.hardState);
    for (const m of rd.messages) {
      // A partition loses what is sent across it, even if the partition heals later.
      if (this.separated(m.from, m.to)) this.log(`  dropped (partition): ${describeMessage(m)}`);
      else this.network.push(m);
    }
    for (const e of rd.committedEntries) {
      if (e.type === EntryType.ConfChange) {
        const cs = n.raw.applyConfChange(decodeConfChange(e.data));
        n.storage.setConfState(cs);
        this.log(`  INFO ${n.id} applied ${describeEntry(e)}: now ${describeConfState(cs)}`);
      } else if (e.data.length > 0) {
        n.applied.push(new TextDecoder().decode(e.data));
      }
    }
    if (rd.snapshot) n.applied = [`<snapshot@${rd.snapshot.meta.index}>`];
    n.raw.advance();
    return true;
  }

  private separated(a: NodeId, b: NodeId): boolean {
    if (this.groups.size === 0) return false;
    return (this.groups.get(a) ?? -1) !== (this.groups.get(b) ?? -1);
  }

  private deliver(to: NodeId[], drop: Set<NodeId>): boolean {
    const targets = new Set(to);
    const keep: Message[] = [];
    const now: Message[] = [];
    for (const m of this.network) (targets.has(m.to) || drop.has(m.to) ? now : keep).push(m);
    this.network = keep;
    for (const m of now) {
      const n = this.nodes.get(m.to);
      if (drop.has(m.to) || !n) {
        this.log(`dropped: ${describeMessage(m)}`);
        continue;
      }
      if (this.separated(m.from, m.to)) {
        this.log(`dropped (partition): ${describeMessage(m)}`);
        continue;
      }
      this.log(describeMessage(m));
      try {
        n.raw.step(m);
      } catch (e) {
        this.log(`  error: ${(e as Error).message}`);
      }
    }
    return now.length > 0;
  }

  private stabilize(ids: NodeId[]): void {
    for (let round = 0; round < 1000; round++) {
      let progressed = false;
      for (const id of ids) progressed = this.processReady(this.nodes.get(id)!) || progressed;
      for (const id of ids) progressed = this.deliver([id], new Set()) || progressed;
      if (!progressed) return;
    }
    throw new Error('stabilize did not settle in 1000 rounds');
  }

  private status(n: NodeState): void {
    const st = n.raw.status();
    if (st.role !== StateRole.Leader) {
      this.log(`${n.id} is ${st.role} (not the leader): Term:${st.term} Lead:${st.lead}`);
      return;
    }
    if (st.leadTransferee !== NONE) this.log(`transferring leadership to ${st.leadTransferee}`);
    for (const p of st.progress) {
      let s = `${p.id}: State${p.state} match=${p.match} next=${p.next}`;
      if (p.isLearner) s += ' learner';
      if (p.paused) s += ' paused';
      if (p.inflight > 0) s += ` inflight=${p.inflight}`;
      if (p.pendingSnapshot > 0) s += ` pendingSnap=${p.pendingSnapshot}`;
      this.log(s);
    }
  }

  private raftState(): void {
    for (const [id, n] of [...this.nodes].sort((a, b) => a[0] - b[0])) {
      const st = n.raw.status();
      const kind = st.config.voters.includes(id)
        ? 'Voter'
        : st.config.learners.includes(id)
          ? 'Learner'
          : 'Removed';
      this.log(
        `${id}: ${st.role} (${kind}) Term:${st.term} Lead:${st.lead === NONE ? 0 : st.lead} Commit:${st.commit}`,
      );
    }
  }

  private raftLog(n: NodeState): void {
    const first = n.storage.firstIndex();
    const last = n.storage.lastIndex();
    if (last < first) {
      this.log(`log is empty: first index=${first}, last index=${last}`);
      return;
    }
    for (const e of n.storage.entries(first, last + 1)) this.log(describeEntry(e));
  }

  private compact(n: NodeState, index: number): void {
    const cs = n.raw.status().config;
    n.storage.createSnapshot(index, cs, enc.encode(`state@${index}`));
    n.storage.compact(index);
    this.raftLog(n);
  }

  private partition(args: string[]): void {
    // partition 1 | 2 3
    this.groups.clear();
    let g = 0;
    for (const a of args) {
      if (a === '|') g++;
      else this.groups.set(this.node(a).id, g);
    }
    this.log(`partitioned: ${args.join(' ')}`);
  }

  // A crash: whatever was not persisted (and not sent) is lost.
  private restart(n: NodeState): void {
    const applied = n.raw.status().applied;
    const config = { ...n.config, applied };
    n.raw = new RawNode(config);
    n.config = config;
    const st = n.raw.status();
    this.log(
      `INFO ${n.id} restarted: Term:${st.term} Vote:${st.vote} Commit:${st.commit} LastIndex:${n.storage.lastIndex()}`,
    );
  }
}

function indent(s: string, pad: string): string {
  return s
    .split('\n')
    .map((l) => pad + l)
    .join('\n');
}
