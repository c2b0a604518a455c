import {
  ConfChangeType,
  MemoryStorage,
  MessageType,
  NotLeaderError,
  ProgressState,
  ProposalDroppedError,
  RawNode,
  ReadOnlyOption,
  SnapshotOutOfDateError,
  StateRole,
  CompactedError,
  decodeConfChange,
  encodeConfChange,
  type Config,
} from '../../../raft';
import { Cluster, enc, entry } from './helpers';

const base = (over: Partial<Config> = {}): Config => ({
  id: 1,
  storage: new MemoryStorage({ voters: [1, 2, 3] }),
  electionTick: 10,
  heartbeatTick: 1,
  maxInflightMsgs: 4,
  ...over,
});

describe('config validation names the field', () => {
  test.each<[Partial<Config>, RegExp]>([
    [{ id: 0 }, /config\.id/],
    [{ electionTick: 0 }, /config\.electionTick/],
    [{ heartbeatTick: 10 }, /electionTick \(10\) must be greater than heartbeatTick/],
    [{ maxInflightMsgs: 0 }, /config\.maxInflightMsgs/],
    [{ applied: -1 }, /config\.applied/],
    [{ readOnlyOption: ReadOnlyOption.LeaseBased }, /checkQuorum/],
    [{ random: () => 1 }, /config\.random/],
  ])('%j', (over, re) => {
    expect(() => new RawNode(base(over))).toThrow(re);
  });
});

describe('RawNode contract', () => {
  test('local message types and bad numbers are refused from the network', () => {
    const n = new RawNode(base());
    expect(() => n.step({ type: MessageType.Hup, from: 2, to: 1, term: 0 })).toThrow(/local/);
    expect(() => n.step({ type: MessageType.App, from: 2, to: 1, term: -1 })).toThrow(/message\.term/);
    expect(() => n.step({ type: MessageType.App, from: 2, to: 1, term: 1, index: 2 ** 60 })).toThrow(
      /message\.index/,
    );
  });

  test('ready() twice without advance(), or advance() without ready(), is an error', () => {
    const n = new RawNode(base());
    n.campaign();
    expect(n.hasReady()).toBe(true);
    n.ready();
    expect(n.hasReady()).toBe(false);
    expect(() => n.ready()).toThrow(/before advance/);
    n.advance();
    expect(() => n.advance()).toThrow(/without an outstanding/);
  });

  test('mustSync is set for new entries and term/vote changes, not for commit alone', () => {
    const c = new Cluster([1]);
    const n = c.node(1);
    const s = c.storages.get(1)!;
    const next = (): ReturnType<RawNode['ready']> => {
      const rd = n.ready();
      s.append(rd.entries);
      if (rd.hardState) s.setHardState(rd.hardState);
      n.advance();
      return rd;
    };
    n.campaign();
    let rd = next();
    expect(rd.mustSync).toBe(true); // term + vote
    rd = next();
    expect(rd.entries.length).toBe(1);
    expect(rd.mustSync).toBe(true);
    rd = next();
    expect(rd.hardState!.commit).toBe(1);
    expect(rd.mustSync).toBe(false);
    expect(n.hasReady()).toBe(false);
  });

  test('proposals without a leader, and with forwarding disabled', () => {
    const c = new Cluster([1, 2, 3]);
    expect(() => c.node(2).propose(enc('x'))).toThrow(ProposalDroppedError);
    c.node(1).campaign();
    c.stabilize();
    const noFwd = new RawNode(base({ id: 2, storage: c.storages.get(2)!, disableProposalForwarding: true }));
    noFwd.step({ type: MessageType.Heartbeat, from: 1, to: 2, term: c.node(1).status().term, commit: 0 });
    try {
      noFwd.propose(enc('x'));
      throw new Error('expected NotLeaderError');
    } catch (e) {
      expect(e).toBeInstanceOf(NotLeaderError);
      expect((e as NotLeaderError).leader).toBe(1);
    }
  });

  test('forwarded proposals and reads reach the leader', () => {
    const c = new Cluster([1, 2, 3]);
    c.node(1).campaign();
    c.stabilize();
    c.node(3).propose(enc('from-3'));
    c.stabilize();
    expect(c.applied.get(1)).toEqual(['from-3']);
    expect(c.applied.get(2)).toEqual(['from-3']);
    c.node(3).readIndex(enc('q3'));
    c.node(1).readIndex(enc('q1'));
    c.stabilize();
    expect(c.reads.get(3)).toEqual([[2, 'q3']]);
    expect(c.reads.get(1)).toEqual([[2, 'q1']]);
    expect(c.reads.get(2)).toEqual([]);
  });

  test('lease-based reads are answered at once by the leader', () => {
    const c = new Cluster([1, 2, 3], { checkQuorum: true, readOnlyOption: ReadOnlyOption.LeaseBased });
    c.node(1).campaign();
    c.stabilize();
    c.node(1).readIndex(enc('lease'));
    const rd = c.node(1).ready();
    expect(rd.readStates.length).toBe(1);
    expect(rd.messages.length).toBe(0);
    c.node(1).advance();
    expect(() => c.node(1).readIndex(new Uint8Array())).toThrow(/ctx/);
  });

  test('a second conf change is refused until the first is applied', () => {
    const c = new Cluster([1, 2, 3]);
    c.node(1).campaign();
    c.stabilize();
    c.node(1).proposeConfChange({ type: ConfChangeType.AddLearner, nodeId: 4 });
    expect(() => c.node(1).proposeConfChange({ type: ConfChangeType.AddLearner, nodeId: 5 })).toThrow(
      /configuration change is pending/,
    );
    c.stabilize();
    const cs = c.node(1).applyConfChange({ type: ConfChangeType.AddLearner, nodeId: 4 });
    expect(cs).toEqual({ voters: [1, 2, 3], learners: [4] });
    expect(() => c.node(1).proposeConfChange({ type: ConfChangeType.RemoveVoter, nodeId: 5 })).not.toThrow();
  });

  test('in-flight appends are bounded by maxInflightMsgs and message size by maxSizePerMsg', () => {
    const c = new Cluster([1, 2], { maxInflightMsgs: 3, maxSizePerMsg: 100 });
    c.node(1).campaign();
    c.stabilize();
    const leader = c.node(1);
    c.drop = (m) => m.to === 2 && m.type === MessageType.App; // follower never acks
    let apps = 0;
    for (let i = 0; i < 10; i++) {
      leader.propose(new Uint8Array(60));
      const rd = leader.ready();
      for (const m of rd.messages) {
        if (m.type === MessageType.App) {
          apps++;
          let bytes = 0;
          for (const e of m.entries ?? []) bytes += e.data.length + 16;
          expect(m.entries!.length === 1 || bytes <= 100).toBe(true);
        }
      }
      c.storages.get(1)!.append(rd.entries);
      leader.advance();
    }
    expect(apps).toBe(3);
    const pr = leader.status().progress.find((p) => p.id === 2)!;
    expect(pr.state).toBe(ProgressState.Replicate);
    expect(pr.paused).toBe(true);
    leader.reportUnreachable(2);
    expect(leader.status().progress.find((p) => p.id === 2)!.state).toBe(ProgressState.Probe);
  });

  test('uncommitted entries beyond maxUncommittedEntriesSize are dropped', () => {
    const c = new Cluster([1, 2], { maxUncommittedEntriesSize: 100 });
    c.node(1).campaign();
    c.stabilize();
    c.drop = (m) => m.to === 2;
    c.node(1).propose(new Uint8Array(80));
    expect(() => c.node(1).propose(new Uint8Array(80))).toThrow(/too many uncommitted/);
  });

  test('snapshot catch-up of a follower that missed compacted entries, and reportSnapshot', () => {
    const c = new Cluster([1, 2, 3]);
    c.node(1).campaign();
    c.stabilize();
    c.drop = (m) => m.to === 3 || m.from === 3;
    for (let i = 0; i < 5; i++) c.node(1).propose(enc(`v${i}`));
    c.stabilize();
    const s1 = c.storages.get(1)!;
    s1.createSnapshot(5, c.node(1).status().config, enc('state'));
    s1.compact(5);
    c.drop = () => false;
    let snapSent = false;
    const orig = c.drop;
    c.drop = (m) => {
      if (m.type === MessageType.Snap) snapSent = true;
      return orig(m);
    };
    for (let i = 0; i < 3; i++) {
      c.node(1).tick();
      c.stabilize();
    }
    expect(snapSent).toBe(true);
    expect(c.storages.get(3)!.snapshot().meta.index).toBe(5);
    expect(c.node(3).status().commit).toBe(6);
    c.node(1).reportSnapshot(3, true); // no effect: the follower already caught up
    expect(
      c
        .node(1)
        .status()
        .progress.find((p) => p.id === 3)!.state,
    ).toBe(ProgressState.Replicate);
  });

  test('a restarted node resumes from storage and does not re-apply', () => {
    const c = new Cluster([1]);
    c.node(1).campaign();
    c.node(1);
    c.stabilize();
    c.node(1).propose(enc('a'));
    c.stabilize();
    const s = c.storages.get(1)!;
    const n = new RawNode({ ...base({ storage: s, applied: 2 }), id: 1 });
    const st = n.status();
    expect([st.term, st.commit, st.applied, st.role]).toEqual([1, 2, 2, StateRole.Follower]);
    expect(n.hasReady()).toBe(false);
    expect(() => new RawNode({ ...base({ storage: s, applied: 5 }), id: 1 })).toThrow(/applied/);
  });
});

describe('bootstrap', () => {
  test('initial members are committed conf changes; a joiner learns them from the log', () => {
    const ids = [1, 2, 3];
    const storages = new Map(ids.map((id) => [id, new MemoryStorage()]));
    storages.set(4, new MemoryStorage());
    const c = new Cluster([1, 2, 3, 4], {}, storages);
    for (const id of ids) c.node(id).bootstrap(ids);
    expect(() => c.node(1).bootstrap(ids)).toThrow(/empty storage/);
    expect(() => new RawNode(base({ storage: new MemoryStorage() })).bootstrap([1, 1])).toThrow(/duplicate/);
    // The joiner (4) is in nobody's configuration and cannot campaign.
    c.node(4).campaign();
    expect(c.node(4).status().role).toBe(StateRole.Follower);
    c.stabilize();
    c.node(1).campaign();
    c.stabilize();
    expect(c.node(1).status().role).toBe(StateRole.Leader);
    c.node(1).proposeConfChange({ type: ConfChangeType.AddVoter, nodeId: 4 });
    c.stabilize();
    c.node(1).tick();
    c.stabilize();
    expect(c.node(4).status().commit).toBe(c.node(1).status().commit);
    expect(
      c.storages
        .get(4)!
        .entries(1, 4)
        .map((e) => decodeConfChange(e.data).nodeId),
    ).toEqual([1, 2, 3]);
    expect(c.node(4).status().config).toEqual({ voters: [1, 2, 3, 4], learners: [] });
  });
});

describe('conf change encoding', () => {
  test('round trip, with and without context', () => {
    const a = { type: ConfChangeType.AddVoter, nodeId: 42, context: enc('10.0.0.1:2377') };
    expect(decodeConfChange(encodeConfChange(a))).toEqual(a);
    const b = { type: ConfChangeType.RemoveVoter, nodeId: 2 ** 40 };
    expect(decodeConfChange(encodeConfChange(b))).toEqual(b);
  });

  test('bad input is refused with the field named', () => {
    expect(() => encodeConfChange({ type: ConfChangeType.AddVoter, nodeId: 0 })).toThrow(/nodeId/);
    expect(() => decodeConfChange(new Uint8Array(3))).toThrow(/too short/);
    const bad = encodeConfChange({ type: ConfChangeType.AddVoter, nodeId: 1 });
    bad[1] = 7;
    expect(() => decodeConfChange(bad)).toThrow(/type/);
  });
});

describe('MemoryStorage', () => {
  test('append truncates conflicts, compaction keeps the snapshot term', () => {
    const s = new MemoryStorage({ voters: [1] });
    s.append([entry(1, 1), entry(1, 2), entry(1, 3)]);
    s.append([entry(2, 2)]);
    expect(s.lastIndex()).toBe(2);
    expect(s.term(2)).toBe(2);
    s.append([entry(2, 3), entry(2, 4)]);
    s.createSnapshot(3, { voters: [1, 2], learners: [] }, enc('d'));
    s.compact(3);
    expect(s.firstIndex()).toBe(4);
    expect(s.term(3)).toBe(2);
    expect(() => s.term(2)).toThrow(CompactedError);
    expect(() => s.entries(3, 5)).toThrow(CompactedError);
    expect(s.entries(4, 5).map((e) => e.index)).toEqual([4]);
    expect(() => s.createSnapshot(2, undefined, enc('old'))).toThrow(SnapshotOutOfDateError);
    expect(() => s.compact(4)).toThrow(/createSnapshot first/);
    expect(() => s.append([entry(3, 7)])).toThrow(/missing log entries/);
  });

  test('applySnapshot replaces everything and sets the configuration', () => {
    const s = new MemoryStorage({ voters: [1] });
    s.append([entry(1, 1)]);
    s.applySnapshot({
      meta: { index: 10, term: 4, confState: { voters: [1, 2], learners: [3] } },
      data: enc('x'),
    });
    expect([s.firstIndex(), s.lastIndex(), s.term(10)]).toEqual([11, 10, 4]);
    expect(s.initialState().confState).toEqual({ voters: [1, 2], learners: [3] });
    expect(() =>
      s.applySnapshot({
        meta: { index: 5, term: 4, confState: { voters: [1], learners: [] } },
        data: enc(''),
      }),
    ).toThrow(SnapshotOutOfDateError);
  });
});

describe('aliasing', () => {
  test('a forwarded proposal delivered twice appends two entries without rewriting the first', () => {
    const c = new Cluster([1, 2, 3]);
    c.node(1).campaign();
    c.stabilize();
    c.node(2).propose(enc('dup'));
    const rd = c.node(2).ready();
    c.node(2).advance();
    const prop = rd.messages.find((m) => m.type === MessageType.Prop)!;
    c.node(1).step(prop);
    c.node(1).step({ ...prop });
    c.stabilize();
    const s = c.storages.get(1)!;
    const ents = s.entries(2, s.lastIndex() + 1);
    expect(ents.map((e) => [e.index, new TextDecoder().decode(e.data)])).toEqual([
      [2, 'dup'],
      [3, 'dup'],
    ]);
    expect(prop.entries![0].index).toBe(0);
  });
});
