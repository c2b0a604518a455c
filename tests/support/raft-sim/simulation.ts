// One seeded run: a cluster of SimNodes over a SimNetwork with simulated clients,
// a chaos phase of injected faults, then a healed phase that must make progress.
// Safety invariants are checked as events happen; the client history is returned for
// the linearizability check.
import { ConfChangeType, describeMessage, Message, MessageType, NodeId, StateRole } from '../../../raft';
import { HistoryRecorder, KvInput, KvOperation, KvOutput } from '../linearizability';
import { CLIENT_ENDPOINT_BASE, SimClient } from './client';
import { Invariants, InvariantViolation } from './invariants';
import { SimNetwork } from './network';
import { Prng } from './prng';
import { chooseProfile, describeProfile, Profile } from './profile';
import { Packet } from './protocol';
import { Sabotage, SimNode } from './sim-node';
import { Trace } from './trace';

export interface SimulationOptions {
  // Also trace every raft message (slow; for rerunning one failing seed).
  traceMessages?: boolean;
  echoTrace?: boolean;
  traceCapacity?: number;
  adjust?: (profile: Profile) => void;
  sabotage?: Sabotage;
  // Off only to reproduce the joiner livelock described in SimNode.snapshotForJoiners.
  snapshotOnConfChange?: boolean;
}

export interface SimulationResult {
  seed: number;
  profile: Profile;
  history: KvOperation[];
  stats: {
    units: number;
    delivered: number;
    dropped: number;
    leaders: number;
    committed: number;
    crashes: number;
    partitions: number;
    clientOps: number;
    clientCompleted: number;
    invariantChecks: number;
  };
  trace: string[];
}

export class SimulationFailure extends Error {
  constructor(
    readonly seed: number,
    override readonly cause: unknown,
    readonly trace: string[],
    readonly profileText: string,
  ) {
    super(
      `raft simulation seed ${seed} failed: ${cause instanceof Error ? cause.message : String(cause)}\n` +
        `rerun: RAFT_SIM_SEED=${seed} npx jest tests/sim/raft-random\n` +
        `profile:\n${profileText}\n` +
        `last events:\n${trace.join('\n')}` +
        (cause instanceof Error && !(cause instanceof InvariantViolation) ? `\n${cause.stack}` : ''),
    );
    this.name = 'SimulationFailure';
  }
}

// Bounds for the healed phase, in ticks. Elections take 10-20 ticks; pre-vote and
// check-quorum can cost a few rounds more after a messy chaos phase. On top, every
// bound allows a tick per log entry: with one entry per append and one append in
// flight, a lagging quorum member catches up one round trip per entry.
const PROGRESS_TICKS = 100;
const DRAIN_TICKS = 150;
const CONVERGE_TICKS = 100;

// Each delivery gets its own copy, as deserializing does: the core takes ownership of
// what it is handed (it numbers a forwarded proposal's entries in place), so a
// duplicated delivery of one object would otherwise alias log entries. Payload bytes
// are never mutated and stay shared.
function copyMessage(m: Message): Message {
  const copy: Message = { ...m };
  if (m.entries) copy.entries = m.entries.map((e) => ({ ...e }));
  if (m.snapshot) copy.snapshot = { ...m.snapshot, meta: { ...m.snapshot.meta } };
  return copy;
}

export function runSimulation(seed: number, options: SimulationOptions = {}): SimulationResult {
  const root = new Prng(seed);
  const profile = chooseProfile(root.fork('profile'));
  options.adjust?.(profile);
  const faultPrng = root.fork('faults');
  let now = 0;
  let eventClock = 0;
  const trace = new Trace(options.traceCapacity ?? 400, () => now, options.echoTrace);
  const invariants = new Invariants();
  const net = new SimNetwork<Packet>(root.fork('network'), { ...profile.network }, (m) => {
    if (m.payload.kind === 'raft' && m.payload.msg.type === MessageType.Snap) {
      snapshotReports.push({ from: m.from, to: m.to, ok: false });
    }
  });
  // Snapshot outcomes reach the sender on its next step, never inside another node's.
  const snapshotReports: { from: NodeId; to: NodeId; ok: boolean }[] = [];
  const history = new HistoryRecorder<KvInput, KvOutput>(() => ++eventClock);
  const ids: NodeId[] = Array.from({ length: profile.nodes }, (_, i) => i + 1);
  const fsyncPrng = root.fork('fsync');
  let probeApplied = false;

  const nodeEnv = {
    sabotage: options.sabotage ?? 'none',
    snapshotOnConfChange: options.snapshotOnConfChange ?? true,
    now: () => now,
    invariants,
    sendRaft: (msg: Parameters<SimNode['receive']>[0]) => {
      if (options.traceMessages) trace.add(`send ${describeMessage(msg)}`);
      net.send(msg.from, msg.to, { kind: 'raft', msg }, now);
    },
    respond: (client: number, response: Parameters<SimClient['onResponse']>[0]) => {
      // Answers leave from the node holding the request; the network needs only the
      // destination, so the source is the client's own id space (never partitioned).
      net.send(-1, CLIENT_ENDPOINT_BASE + client, { kind: 'response', response }, now);
    },
    trace: (line: string) => trace.add(line),
    snapshotEvery: profile.snapshotEvery,
    compactionLag: profile.compactionLag,
    fsyncDelay: () => (profile.maxFsyncDelay === 0 ? 0 : fsyncPrng.int(0, profile.maxFsyncDelay)),
    onApplied: (_node: NodeId, cmd: { client: number }) => {
      if (cmd.client === 0) probeApplied = true;
    },
  };
  const nodes = new Map<NodeId, SimNode>();
  const tickPhase = new Map<NodeId, number>();
  const addNode = (id: NodeId, voters: NodeId[]) => {
    nodes.set(id, new SimNode(id, voters, profile.core, root.fork(`node${id}`), nodeEnv));
    tickPhase.set(id, root.int(0, profile.tickUnits - 1));
  };
  const founders = [...ids];
  for (const id of founders) addNode(id, founders);
  let nextId = founders.length + 1;
  const retired = new Set<NodeId>();

  const clientEnv = {
    now: () => now,
    nodeIds: () => ids,
    send: (from: number, to: NodeId, request: Parameters<SimNode['handleRequest']>[0]) =>
      net.send(from, to, { kind: 'request', request }, now),
    history,
    trace: (line: string) => trace.add(line),
  };
  const clients = Array.from(
    { length: profile.clients },
    (_, i) =>
      new SimClient(
        i + 1,
        root.fork(`client${i + 1}`),
        {
          keys: profile.keys,
          readPaths: profile.readPaths,
          timeoutUnits: 12 * profile.tickUnits,
          maxThinkUnits: 3 * profile.tickUnits,
        },
        clientEnv,
      ),
  );
  const clientByEndpoint = new Map(clients.map((c) => [c.endpoint, c]));

  const scheduled: { at: number; label: string; run: () => void }[] = [];
  const schedule = (at: number, label: string, run: () => void) => scheduled.push({ at, label, run });
  let crashes = 0;
  let partitions = 0;
  let partitioned = false;

  const leaders = () => ids.map((id) => nodes.get(id)!).filter((n) => n.alive && n.role === StateRole.Leader);
  const currentLeader = (): SimNode | undefined => leaders().sort((a, b) => b.term - a.term)[0];

  const injectFault = () => {
    const kinds: string[] = [];
    if (profile.partitions.length > 0 && !partitioned) kinds.push('partition');
    const down = ids.filter((id) => !nodes.get(id)!.alive).length;
    if (profile.crashes && down < profile.maxDown) kinds.push('crash');
    if (profile.transfers) kinds.push('transfer');
    if (profile.membership) kinds.push('reconfig');
    if (kinds.length === 0) return;
    const kind = faultPrng.pick(kinds);
    const leader = currentLeader();
    if (kind === 'partition') {
      const shape = faultPrng.pick(profile.partitions);
      const order = faultPrng.shuffle([...ids]);
      if (leader && faultPrng.chance(0.5)) order.unshift(...order.splice(order.indexOf(leader.id), 1));
      switch (shape) {
        case 'split': {
          const k = faultPrng.int(1, Math.floor(ids.length / 2));
          net.separate(order.slice(0, k), order.slice(k));
          break;
        }
        case 'isolate':
          net.separate([order[0]], order.slice(1));
          break;
        case 'asymmetric':
          for (const other of order.slice(1)) {
            if (faultPrng.chance(0.5)) net.cutLink(order[0], other);
            else net.cutLink(other, order[0]);
          }
          break;
        case 'bridge': {
          const rest = order.slice(1);
          const k = faultPrng.int(1, rest.length - 1);
          net.separate(rest.slice(0, k), rest.slice(k));
          break;
        }
      }
      partitioned = true;
      partitions++;
      trace.add(`PARTITION ${shape}: cut ${net.describeCuts()}`);
      schedule(now + faultPrng.int(5, 50) * profile.tickUnits, 'heal', () => {
        net.heal();
        partitioned = false;
        trace.add('HEAL network');
      });
    } else if (kind === 'crash') {
      const alive = ids.filter((id) => nodes.get(id)!.alive);
      const victim = leader && faultPrng.chance(0.5) ? leader : nodes.get(faultPrng.pick(alive))!;
      victim.crash(faultPrng.pick(profile.crashLoss));
      crashes++;
      const downFor = faultPrng.int(profile.downTicks[0], profile.downTicks[1]);
      schedule(now + downFor * profile.tickUnits, `restart n${victim.id}`, () => victim.restart());
    } else if (kind === 'reconfig' && leader) {
      reconfigure(leader);
    } else if (kind === 'transfer' && leader) {
      leader.transferLeader(faultPrng.pick(ids.filter((id) => id !== leader.id)));
    }
  };

  // One membership change: add a brand-new node (as voter or learner), promote a
  // learner, or remove a voter (possibly the leader). Removed ids are never reused.
  const reconfigure = (leader: SimNode) => {
    const { voters, learners } = leader.members;
    const choices: string[] = ['add'];
    if (learners.length > 0) choices.push('promote');
    if (voters.length > 2) choices.push('remove');
    const choice = faultPrng.pick(choices);
    if (choice === 'add') {
      if (ids.length - retired.size >= profile.maxMembers) return;
      const id = nextId++;
      ids.push(id);
      addNode(id, []);
      const type = faultPrng.chance(0.5) ? ConfChangeType.AddLearner : ConfChangeType.AddVoter;
      if (!leader.proposeConfChange({ type, nodeId: id })) {
        // Never a member: keep it out of the way so it does not count as lagging.
        retired.add(id);
      }
    } else if (choice === 'promote') {
      leader.proposeConfChange({ type: ConfChangeType.AddVoter, nodeId: faultPrng.pick(learners) });
    } else {
      const victim = faultPrng.pick(voters);
      if (leader.proposeConfChange({ type: ConfChangeType.RemoveVoter, nodeId: victim })) retired.add(victim);
    }
  };

  const deliver = () => {
    for (const m of net.deliverDue(now)) {
      const p = m.payload;
      if (p.kind === 'raft') {
        const node = nodes.get(p.msg.to);
        if (!node?.alive) {
          if (p.msg.type === MessageType.Snap) snapshotReports.push({ from: m.from, to: m.to, ok: false });
          continue;
        }
        const msg = copyMessage(p.msg);
        if (options.traceMessages) trace.add(`recv ${describeMessage(msg)}`);
        node.receive(msg);
        if (msg.type === MessageType.Snap) snapshotReports.push({ from: msg.from, to: msg.to, ok: true });
      } else if (p.kind === 'request') {
        nodes.get(m.to)?.handleRequest(p.request);
      } else {
        clientByEndpoint.get(m.to)?.onResponse(p.response);
      }
    }
  };

  const advance = () => {
    deliver();
    for (const r of snapshotReports.splice(0)) nodes.get(r.from)?.reportSnapshot(r.to, r.ok);
    for (const id of ids) nodes.get(id)!.poll();
    for (const id of ids) {
      if (now % profile.tickUnits === tickPhase.get(id)) nodes.get(id)!.tick();
    }
    for (const c of clients) c.step();
    const due = scheduled.filter((s) => s.at <= now);
    if (due.length > 0) {
      for (const s of due) scheduled.splice(scheduled.indexOf(s), 1);
      for (const s of due) s.run();
    }
    now++;
  };

  const nodeStates = () => ids.map((id) => '  ' + nodes.get(id)!.describe()).join('\n');
  const runUntil = (what: string, ticks: number, done: () => boolean, each?: () => void) => {
    const deadline = now + ticks * profile.tickUnits;
    while (!done()) {
      if (now >= deadline)
        throw new InvariantViolation(
          `no progress: ${what} within ${ticks} ticks of healing\n${nodeStates()}`,
        );
      each?.();
      advance();
    }
  };

  try {
    trace.add(`seed ${seed}: ${describeProfile(profile).replace(/\n/g, '; ')}`);
    const chaosEnd = profile.chaosTicks * profile.tickUnits;
    let nextFault =
      profile.faultEveryTicks > 0
        ? faultPrng.int(1, 2 * profile.faultEveryTicks) * profile.tickUnits
        : Infinity;
    while (now < chaosEnd) {
      if (now >= nextFault) {
        injectFault();
        nextFault = now + faultPrng.int(1, 2 * profile.faultEveryTicks) * profile.tickUnits;
      }
      advance();
    }

    // Heal everything; from here on the cluster must make progress in bounded time.
    scheduled.length = 0;
    net.heal();
    partitioned = false;
    net.options = { ...net.options, dropRate: 0, duplicateRate: 0, slowRate: 0 };
    for (const id of ids) nodes.get(id)!.restart();
    trace.add('HEAL ALL: network healed, every node up, no loss');
    const backlog = Math.max(...ids.map((id) => nodes.get(id)!.raw!.raft.raftLog.lastIndex()));
    let probeSeq = 0;
    runUntil(
      'elect a leader and commit a new proposal',
      PROGRESS_TICKS + backlog,
      () => probeApplied,
      () => {
        // Re-proposed now and then, in case the leader that took it was deposed.
        if (now % (10 * profile.tickUnits) !== 0) return;
        currentLeader()?.propose({
          client: 0,
          seq: ++probeSeq,
          op: { kind: 'put', key: '__probe', value: `${probeSeq}` },
        });
      },
    );
    for (const c of clients) c.stopped = true;
    runUntil('finish every client operation', DRAIN_TICKS + backlog, () => clients.every((c) => !c.busy));
    // Only current members must catch up; removed nodes stop hearing from the leader.
    const members = () => {
      const { voters, learners } = currentLeader()?.members ?? { voters: ids, learners: [] };
      return [...voters, ...learners].map((id) => nodes.get(id)!);
    };
    const converged = () => {
      const all = members();
      if (!all.every((n) => n.alive)) return false;
      const target = Math.max(...all.map((n) => n.raw!.raft.raftLog.committed));
      return all.every((n) => n.applied === target && n.raw!.raft.raftLog.lastIndex() === target);
    };
    runUntil('replicate and apply the whole log everywhere', CONVERGE_TICKS + backlog, converged);
    const states = members().map((n) => Buffer.from(n.sm.snapshot()).toString());
    if (new Set(states).size !== 1) {
      throw new InvariantViolation(
        `state machines differ after applying the same log:\n${states.join('\n')}`,
      );
    }
  } catch (e) {
    trace.add(`node states:\n${nodeStates()}`);
    throw new SimulationFailure(seed, e, trace.tail(), describeProfile(profile));
  }

  return {
    seed,
    profile,
    history: history.operations(),
    stats: {
      units: now,
      delivered: net.delivered,
      dropped: net.dropped,
      leaders: invariants.termsWithLeader,
      committed: invariants.committedCount,
      crashes,
      partitions,
      clientOps: history.size,
      clientCompleted: clients.reduce((n, c) => n + c.completed, 0),
      invariantChecks: invariants.checks,
    },
    trace: trace.tail(),
  };
}
