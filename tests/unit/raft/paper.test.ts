// One test per rule of the Raft paper (Ongaro & Ousterhout, "In Search of an
// Understandable Consensus Algorithm", section 5), after etcd's raft_paper_test.go.
import { MemoryStorage, MessageType as T, NONE, StateRole, seededRandom, type Message } from '../../../raft';
import {
  Cluster,
  elect,
  entry,
  enc,
  lastEntries,
  msg,
  newRaft,
  persist,
  readMessages,
  storageWith,
} from './helpers';

const byTo = (a: Message, b: Message): number => a.to - b.to;

describe('5.1 basics: terms', () => {
  // "If one server's current term is smaller than the other's, then it updates its
  // current term to the larger value. If a candidate or leader discovers that its term
  // is out of date, it immediately reverts to follower state."
  test.each([StateRole.Follower, StateRole.Candidate, StateRole.Leader])(
    '%s updates its term from a message and becomes follower',
    (role) => {
      const { r, s } = newRaft(1, [1, 2, 3]);
      if (role === StateRole.Candidate) r.becomeCandidate();
      if (role === StateRole.Leader) elect(r, s);
      expect(r.state).toBe(role);
      r.step(msg(T.App, 2, 1, 2));
      expect(r.term).toBe(2);
      expect(r.state).toBe(StateRole.Follower);
      expect(r.lead).toBe(2);
    },
  );

  // "If a server receives a request with a stale term number, it rejects the request."
  test('a message with a stale term is ignored', () => {
    const { r } = newRaft(1, [1, 2, 3]);
    r.becomeFollower(2, NONE);
    r.step(msg(T.App, 2, 1, 1, { index: 0, logTerm: 0, entries: [entry(1, 1, 'x')] }));
    expect(r.raftLog.lastIndex()).toBe(0);
    expect(r.term).toBe(2);
  });
});

describe('5.2 leader election', () => {
  // "When servers start up, they begin as followers."
  test('starts as follower', () => {
    const { r } = newRaft(1, [1, 2, 3]);
    expect(r.state).toBe(StateRole.Follower);
  });

  // "Leaders send periodic heartbeats to all followers to maintain their authority."
  test('leader broadcasts a heartbeat every heartbeat timeout', () => {
    const { r, s } = newRaft(1, [1, 2, 3], { heartbeatTick: 2 });
    elect(r, s);
    for (const m of readMessages(r)) r.step(msg(T.AppResp, m.to, 1, 1, { index: 1 }));
    readMessages(r);
    r.tick();
    expect(readMessages(r)).toEqual([]);
    r.tick();
    const msgs = readMessages(r).sort(byTo);
    expect(msgs.map((m) => [m.type, m.to, m.term])).toEqual([
      [T.Heartbeat, 2, 1],
      [T.Heartbeat, 3, 1],
    ]);
  });

  // "If a follower receives no communication over a period of time called the election
  // timeout, then it ... begins an election": increments its term, votes for itself and
  // requests votes from all others. Same for a candidate whose election timed out.
  test.each([StateRole.Follower, StateRole.Candidate])('%s starts a new election on timeout', (role) => {
    const { r, s } = newRaft(1, [1, 2, 3]);
    if (role === StateRole.Candidate) {
      r.becomeCandidate();
      persist(r, s);
      readMessages(r);
    }
    const term = r.term;
    // random() is 0 here, so the randomized timeout is exactly electionTick.
    for (let i = 0; i < 10; i++) r.tick();
    expect(r.term).toBe(term + 1);
    expect(r.state).toBe(StateRole.Candidate);
    expect(r.vote).toBe(1);
    const msgs = readMessages(r).sort(byTo);
    expect(msgs.map((m) => [m.type, m.to, m.term])).toEqual([
      [T.Vote, 2, term + 1],
      [T.Vote, 3, term + 1],
    ]);
  });

  // "A candidate wins an election if it receives votes from a majority of the servers";
  // it stays a candidate without a majority, and falls back once a majority rejected it.
  test.each<[number, Record<number, boolean>, StateRole]>([
    [1, {}, StateRole.Leader],
    [3, { 2: true, 3: true }, StateRole.Leader],
    [3, { 2: true }, StateRole.Leader],
    [5, { 2: true, 3: true, 4: true, 5: true }, StateRole.Leader],
    [5, { 2: true, 3: true, 4: true }, StateRole.Leader],
    [5, { 2: true, 3: true }, StateRole.Leader],
    [3, { 2: false, 3: false }, StateRole.Follower],
    [5, { 2: false, 3: false, 4: false, 5: false }, StateRole.Follower],
    [5, { 2: true, 3: false, 4: false, 5: false }, StateRole.Follower],
    [3, {}, StateRole.Candidate],
    [5, { 2: true }, StateRole.Candidate],
    [5, { 2: false, 3: false }, StateRole.Candidate],
  ])('election in one round: size %i votes %j -> %s', (size, votes, want) => {
    const ids = Array.from({ length: size }, (_, i) => i + 1);
    const { r, s } = newRaft(1, ids);
    r.step(msg(T.Hup, 1, 1, 0));
    persist(r, s);
    for (const [id, granted] of Object.entries(votes)) {
      r.step(msg(T.VoteResp, Number(id), 1, r.term, { reject: !granted }));
    }
    expect(r.state).toBe(want);
    expect(r.term).toBe(1);
  });

  // "Each server will vote for at most one candidate in a given term, on a
  // first-come-first-served basis."
  test.each<[number, number, boolean]>([
    [NONE, 2, false],
    [NONE, 3, false],
    [2, 2, false],
    [3, 3, false],
    [2, 3, true],
    [3, 2, true],
  ])('follower with vote %i asked by %i: rejected=%s', (vote, from, reject) => {
    const { r } = newRaft(1, [1, 2, 3]);
    r.term = 1;
    r.vote = vote;
    r.step(msg(T.Vote, from, 1, 1, { index: 0, logTerm: 0 }));
    const msgs = readMessages(r);
    expect(msgs).toEqual([
      { type: T.VoteResp, from: 1, to: from, term: 1, ...(reject ? { reject: true } : {}) },
    ]);
  });

  // "While waiting for votes, a candidate may receive an AppendEntries RPC from another
  // server claiming to be leader. If the leader's term is at least as large as the
  // candidate's current term, the candidate ... returns to follower state."
  test.each([1, 2])('candidate falls back on an append of term %i', (term) => {
    const { r } = newRaft(1, [1, 2, 3]);
    r.step(msg(T.Hup, 1, 1, 0));
    expect(r.state).toBe(StateRole.Candidate);
    r.step(msg(T.App, 2, 1, term));
    expect(r.state).toBe(StateRole.Follower);
    expect(r.term).toBe(term);
  });

  // "Raft uses randomized election timeouts ... chosen randomly from a fixed interval."
  test.each([StateRole.Follower, StateRole.Candidate])(
    '%s election timeout is randomized in [et, 2et)',
    (role) => {
      const et = 10;
      const seen = new Set<number>();
      const { r, s } = newRaft(1, [1, 2, 3], { electionTick: et, random: seededRandom(42) });
      for (let round = 0; round < 50 * et; round++) {
        r.becomeFollower(r.term + 1, NONE);
        if (role === StateRole.Candidate) {
          r.becomeCandidate();
          persist(r, s);
        }
        readMessages(r);
        let time = 0;
        while (readMessages(r).length === 0) {
          r.tick();
          time++;
        }
        seen.add(time);
      }
      for (let d = et; d < 2 * et; d++) expect(seen.has(d)).toBe(true);
      expect(Math.min(...seen)).toBe(et);
      expect(Math.max(...seen)).toBe(2 * et - 1);
    },
  );

  // "... in most cases only a single server will time out": with randomized timeouts,
  // simultaneous timeouts of all followers are rare.
  test('followers rarely time out together', () => {
    const et = 10;
    let conflicts = 0;
    const rounds = 200;
    const ids = [1, 2, 3, 4, 5];
    const rafts = ids.map((id) => newRaft(id, ids, { electionTick: et, random: seededRandom(id * 7919) }).r);
    for (let round = 0; round < rounds; round++) {
      for (const r of rafts) r.becomeFollower(r.term + 1, NONE);
      let timedOut = 0;
      while (timedOut === 0) {
        for (const r of rafts) {
          r.tick();
          if (readMessages(r).length > 0) timedOut++;
        }
      }
      if (timedOut > 1) conflicts++;
    }
    expect(conflicts / rounds).toBeLessThanOrEqual(0.3);
  });
});

describe('5.3 log replication', () => {
  // A leader whose followers acknowledged its first (empty) entry.
  function leaderWith3(): ReturnType<typeof newRaft> {
    const x = newRaft(1, [1, 2, 3]);
    for (const m of elect(x.r, x.s)) x.r.step(msg(T.AppResp, m.to, 1, m.term, { index: 1 }));
    persist(x.r, x.s);
    readMessages(x.r);
    return x;
  }

  // "The leader appends the command to its log as a new entry, then issues
  // AppendEntries RPCs in parallel to each of the other servers."
  test('leader appends a proposal and replicates it', () => {
    const { r, s } = leaderWith3();
    r.step(msg(T.Prop, 1, 1, 0, { entries: [entry(0, 0, 'some data')] }));
    expect(r.raftLog.lastIndex()).toBe(2);
    expect(r.raftLog.committed).toBe(1);
    const msgs = readMessages(r).sort(byTo);
    expect(
      msgs.map((m) => [m.type, m.to, m.index, m.logTerm, m.commit, m.entries!.map((e) => e.index)]),
    ).toEqual([
      [T.App, 2, 1, 1, 1, [2]],
      [T.App, 3, 1, 1, 1, [2]],
    ]);
    expect(r.raftLog.unstableEntries().map((e) => e.index)).toEqual([2]);
    persist(r, s);
  });

  // "A log entry is committed once the leader that created the entry has replicated it
  // on a majority of the servers." The next AppendEntries carry the new commit index.
  test('leader commits an entry once a majority has it, and tells the followers', () => {
    const { r, s } = leaderWith3();
    r.step(msg(T.Prop, 1, 1, 0, { entries: [entry(0, 0, 'some data')] }));
    persist(r, s);
    const msgs = readMessages(r);
    r.step(msg(T.AppResp, msgs[0].to, 1, 1, { index: 2 }));
    expect(r.raftLog.committed).toBe(2);
    expect(r.raftLog.nextCommittedEnts().map((e) => e.index)).toEqual([1, 2]);
    const after = readMessages(r).sort(byTo);
    expect(after.length).toBeGreaterThan(0);
    for (const m of after) {
      expect(m.type).toBe(T.App);
      expect(m.commit).toBe(2);
    }
  });

  // Counting acknowledgements: the leader itself counts (once persisted), then the
  // entry is committed exactly when a majority acknowledged it.
  test.each<[number, number[], boolean]>([
    [1, [], true],
    [3, [], false],
    [3, [2], true],
    [3, [2, 3], true],
    [5, [], false],
    [5, [2], false],
    [5, [2, 3], true],
    [5, [2, 3, 4], true],
  ])('size %i with acks from %j committed=%s', (size, acks, committed) => {
    const ids = Array.from({ length: size }, (_, i) => i + 1);
    const { r, s } = newRaft(1, ids);
    elect(r, s);
    for (const id of ids.slice(1)) r.step(msg(T.AppResp, id, 1, 1, { index: 1 }));
    readMessages(r);
    r.step(msg(T.Prop, 1, 1, 0, { entries: [entry(0, 0, 'x')] }));
    persist(r, s);
    for (const id of acks) r.step(msg(T.AppResp, id, 1, 1, { index: 2 }));
    expect(r.raftLog.committed > 1).toBe(committed);
  });

  // "When the leader commits an entry, it also commits all preceding entries, including
  // entries created by previous leaders."
  test('committing an entry of the current term commits the preceding entries', () => {
    const storage = storageWith([1, 2, 3], [2, 2]);
    storage.setHardState({ term: 2, vote: 0, commit: 0 });
    const { r, s } = newRaft(1, [1, 2, 3], { storage });
    elect(r, s);
    r.step(msg(T.Prop, 1, 1, 0, { entries: [entry(0, 0, 'x')] }));
    persist(r, s);
    expect(r.raftLog.committed).toBe(0);
    r.step(msg(T.AppResp, 2, 1, 3, { index: 4 }));
    expect(r.raftLog.committed).toBe(4);
    expect(r.raftLog.nextCommittedEnts().map((e) => [e.term, e.index])).toEqual([
      [2, 1],
      [2, 2],
      [3, 3],
      [3, 4],
    ]);
  });

  // "Once a follower learns that a log entry is committed, it applies the entry."
  test('follower commits up to the leader commit index', () => {
    const { r } = newRaft(1, [1, 2, 3]);
    r.becomeFollower(1, 2);
    r.step(
      msg(T.App, 2, 1, 1, { index: 0, logTerm: 0, commit: 1, entries: [entry(1, 1, 'a'), entry(1, 2, 'b')] }),
    );
    expect(r.raftLog.committed).toBe(1);
    expect(r.raftLog.nextCommittedEnts().map((e) => e.index)).toEqual([1]);
  });

  // Log matching: "If the follower does not find an entry in its log with the same index
  // and term, then it refuses the new entries."
  // A rejection hints the largest index whose term is <= the leader's prevTerm, so the
  // leader can skip a whole conflicting term.
  test.each<[number, number, boolean, number]>([
    [0, 0, false, 0], // matches the start
    [2, 2, false, 0], // matches the last entry
    [1, 1, false, 0], // matches the first entry
    [2, 1, true, 1], // term mismatch at 2; entry 1 has term 1
    [3, 3, true, 2], // beyond the last index
  ])('append after (%i, term %i): rejected=%s', (index, logTerm, reject, hint) => {
    const storage = storageWith([1, 2, 3], [1, 2]);
    const { r } = newRaft(1, [1, 2, 3], { storage });
    r.becomeFollower(2, 2);
    r.step(msg(T.App, 2, 1, 2, { index, logTerm, commit: 1 }));
    const [m] = readMessages(r);
    expect(m.type).toBe(T.AppResp);
    expect(!!m.reject).toBe(reject);
    expect(m.index).toBe(index);
    if (reject) expect(m.rejectHint).toBe(hint);
  });

  // "If an existing entry conflicts with a new one (same index but different terms),
  // delete the existing entry and all that follow it; append any new entries not
  // already in the log."
  test.each<[number, number, Array<[number, number]>, Array<[number, number]>]>([
    [
      2,
      2,
      [[3, 3]],
      [
        [1, 1],
        [2, 2],
        [3, 3],
      ],
    ],
    [
      1,
      1,
      [
        [3, 2],
        [4, 3],
      ],
      [
        [1, 1],
        [3, 2],
        [4, 3],
      ],
    ],
    [
      0,
      0,
      [[1, 1]],
      [
        [1, 1],
        [2, 2],
      ],
    ],
    [0, 0, [[3, 1]], [[3, 1]]],
  ])('append after %i/%i of %j gives %j', (index, logTerm, ents, want) => {
    const storage = storageWith([1, 2, 3], [1, 2]);
    const { r } = newRaft(1, [1, 2, 3], { storage });
    r.becomeFollower(2, 2);
    r.step(msg(T.App, 2, 1, 2, { index, logTerm, entries: ents.map(([t, i]) => entry(t, i)) }));
    expect(lastEntries(r)).toEqual(want.map(([t, i]) => [t, i]));
  });

  // "The leader handles inconsistencies by forcing the followers' logs to duplicate its
  // own" (Figure 7): every follower log converges to the leader's.
  const leaderLog = [1, 1, 1, 4, 4, 5, 5, 6, 6, 6];
  test.each<[string, number[]]>([
    ['a', [1, 1, 1, 4, 4, 5, 5, 6, 6]],
    ['b', [1, 1, 1, 4]],
    ['c', [1, 1, 1, 4, 4, 5, 5, 6, 6, 6, 6]],
    ['d', [1, 1, 1, 4, 4, 5, 5, 6, 6, 6, 7, 7]],
    ['e', [1, 1, 1, 4, 4, 4, 4]],
    ['f', [1, 1, 1, 2, 2, 2, 3, 3, 3, 3, 3]],
  ])('figure 7 (%s): the leader brings the follower log in line', (_name, followerLog) => {
    const storages = new Map([
      [1, storageWith([1, 2, 3], leaderLog)],
      [2, storageWith([1, 2, 3], followerLog)],
      [3, storageWith([1, 2, 3], [])],
    ]);
    storages.get(1)!.setHardState({ term: 8, vote: 0, commit: leaderLog.length });
    storages.get(2)!.setHardState({ term: 7, vote: 0, commit: 0 });
    const c = new Cluster([1, 2, 3], {}, storages);
    // Node 3 (empty log) votes for 1; node 2 may have a longer log and refuse.
    c.node(1).campaign();
    c.stabilize();
    expect(c.node(1).status().role).toBe(StateRole.Leader);
    c.node(1).propose(enc('sync'));
    c.stabilize();
    const logOf = (id: number): number[] => {
      const s = c.storages.get(id)!;
      return s.entries(s.firstIndex(), s.lastIndex() + 1).map((e) => e.term);
    };
    expect(logOf(2)).toEqual(logOf(1));
    expect(logOf(1).slice(0, leaderLog.length)).toEqual(leaderLog);
  });
});

describe('5.3 leader append-only', () => {
  // "A leader never overwrites or deletes entries in its log; it only appends."
  test('a leader keeps its log when a stale leader sends conflicting entries', () => {
    const { r, s } = newRaft(1, [1, 2, 3], { storage: storageWith([1, 2, 3], [1, 1]), checkQuorum: true });
    r.term = 1;
    elect(r, s);
    r.step(msg(T.Prop, 1, 1, 0, { entries: [entry(0, 0, 'mine')] }));
    persist(r, s);
    const before = lastEntries(r);
    r.step(msg(T.App, 3, 1, 1, { index: 1, logTerm: 1, entries: [entry(1, 2, 'x'), entry(1, 3, 'y')] }));
    expect(r.state).toBe(StateRole.Leader);
    expect(lastEntries(r)).toEqual(before);
    // It tells the stale leader about the newer term instead.
    expect(readMessages(r).some((m) => m.to === 3 && m.type === T.AppResp && m.term === r.term)).toBe(true);
  });

  test('rejections from followers never shrink the leader log', () => {
    const { r, s } = newRaft(1, [1, 2, 3]);
    elect(r, s);
    r.step(msg(T.AppResp, 2, 1, r.term, { index: 1 }));
    for (let i = 0; i < 5; i++) r.step(msg(T.Prop, 1, 1, 0, { entries: [entry(0, 0, `e${i}`)] }));
    persist(r, s);
    readMessages(r);
    const before = lastEntries(r);
    // Follower 2 lost the entries it was streamed and rejects a later append.
    r.step(msg(T.AppResp, 2, 1, r.term, { index: 6, reject: true, rejectHint: 1, logTerm: 1 }));
    expect(lastEntries(r)).toEqual(before);
    const probes = readMessages(r).filter((m) => m.to === 2);
    expect(probes.length).toBe(1);
    expect(probes[0].index).toBe(1);
    expect(probes[0].entries!.map((e) => e.index)).toEqual([2, 3, 4, 5, 6]);
  });
});

describe('learners', () => {
  test('a learner never campaigns and its votes and acks do not count', () => {
    const storage = new MemoryStorage({ voters: [1, 2], learners: [3] });
    const { r: learner } = newRaft(3, [1, 2], { storage });
    for (let i = 0; i < 40; i++) learner.tick();
    expect(learner.state).toBe(StateRole.Follower);
    expect(readMessages(learner)).toEqual([]);

    const leaderStorage = storageWith([1, 2]);
    leaderStorage.setConfState({ voters: [1, 2], learners: [3] });
    const { r, s } = newRaft(1, [1, 2], { storage: leaderStorage });
    r.step(msg(T.Hup, 1, 1, 0));
    persist(r, s);
    r.step(msg(T.VoteResp, 3, 1, r.term)); // a learner's vote
    expect(r.state).toBe(StateRole.Candidate);
    r.step(msg(T.VoteResp, 2, 1, r.term));
    expect(r.state).toBe(StateRole.Leader);
    persist(r, s);
    r.step(msg(T.AppResp, 3, 1, r.term, { index: 1 })); // a learner's ack
    expect(r.raftLog.committed).toBe(0);
    r.step(msg(T.AppResp, 2, 1, r.term, { index: 1 }));
    expect(r.raftLog.committed).toBe(1);
  });
});

describe('5.4 safety', () => {
  // "The RequestVote RPC includes information about the candidate's log" (last index
  // and term).
  test('vote requests carry the last log index and term', () => {
    const storage = storageWith([1, 2, 3], [1, 2]);
    const { r } = newRaft(1, [1, 2, 3], { storage });
    r.term = 2;
    r.step(msg(T.Hup, 1, 1, 0));
    const msgs = readMessages(r).sort(byTo);
    expect(msgs.map((m) => [m.type, m.to, m.term, m.index, m.logTerm])).toEqual([
      [T.Vote, 2, 3, 2, 2],
      [T.Vote, 3, 3, 2, 2],
    ]);
  });

  // "The voter denies its vote if its own log is more up-to-date than that of the
  // candidate": compare last terms, then lengths.
  test.each<[number[], number, number, boolean]>([
    [[1, 1], 1, 2, false], // same log
    [[1, 1], 1, 3, false], // candidate longer
    [[1, 1], 1, 1, true], // candidate shorter
    [[1, 1], 2, 1, false], // candidate's last term higher
    [[1, 2], 1, 3, true], // voter's last term higher
    [[1, 2], 2, 2, false],
    [[1, 2], 2, 1, true],
  ])('voter log %j, candidate last %i/%i: rejected=%s', (terms, logTerm, index, reject) => {
    const storage = storageWith([1, 2], terms);
    const { r } = newRaft(1, [1, 2], { storage });
    r.step(msg(T.Vote, 2, 1, 3, { logTerm, index }));
    const [m] = readMessages(r);
    expect(m.type).toBe(T.VoteResp);
    expect(!!m.reject).toBe(reject);
  });

  // "Raft never commits log entries from previous terms by counting replicas. Only log
  // entries from the leader's current term are committed by counting replicas."
  test.each<[number, number]>([
    [1, 0], // entry of term 1: not committed by counting
    [2, 0],
    [3, 3], // the leader's own (term 3) empty entry: commits everything
  ])('leader only commits entries of its current term (ack of %i -> commit %i)', (ackIndex, commit) => {
    const storage = storageWith([1, 2], [1, 2]);
    storage.setHardState({ term: 2, vote: 0, commit: 0 });
    const { r, s } = newRaft(1, [1, 2], { storage });
    elect(r, s);
    expect(r.state).toBe(StateRole.Leader);
    r.step(msg(T.AppResp, 2, 1, r.term, { index: ackIndex }));
    expect(r.raftLog.committed).toBe(commit);
  });
});

describe('persistence rules', () => {
  // A leader must not count entries it has not persisted (etcd's single-node commit bug).
  test('a single-node leader commits only after its entries are persisted', () => {
    const { r, s } = newRaft(1, [1]);
    r.step(msg(T.Hup, 1, 1, 0));
    expect(r.state).toBe(StateRole.Candidate); // the self-vote waits for the vote to be durable
    persist(r, s);
    expect(r.state).toBe(StateRole.Leader);
    expect(r.raftLog.committed).toBe(0);
    persist(r, s);
    expect(r.raftLog.committed).toBe(1);
    r.step(msg(T.Prop, 1, 1, 0, { entries: [entry(0, 0, 'x')] }));
    expect(r.raftLog.committed).toBe(1);
    persist(r, s);
    expect(r.raftLog.committed).toBe(2);
  });

  test('a proposal made after ready() is not acknowledged by that ready’s advance()', () => {
    const c = new Cluster([1]);
    const n = c.node(1);
    n.campaign();
    c.stabilize();
    const rd = n.ready === undefined ? undefined : (n.propose(enc('a')), n.ready());
    expect(rd!.entries.map((e) => e.index)).toEqual([2]);
    n.propose(enc('b')); // appended while ready #1 is being persisted
    c.storages.get(1)!.append(rd!.entries);
    n.advance();
    const rd2 = n.ready();
    // Entry 2 is committed; entry 3 is handed out for persistence but not committed.
    expect(rd2.committedEntries.map((e) => e.index)).toEqual([2]);
    expect(rd2.entries.map((e) => e.index)).toEqual([3]);
    expect(rd2.hardState!.commit).toBe(2);
  });
});
