import * as fs from 'fs';
import { NotLeaderError } from '../../../raft/types';
import { ProposeClient } from '../../../raft/transport';
import { Cluster, put, until } from './kv-cluster';

jest.setTimeout(60_000);

describe('a 3-member raft cluster over gRPC', () => {
  let c: Cluster;
  afterEach(async () => {
    await c?.close();
  });

  test('elects, replicates, serves linearizable reads and rejects proposals on followers', async () => {
    c = new Cluster();
    await c.start([1, 2, 3]);
    const leader = await c.leader();
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => leader.propose(put(`k${i % 5}`, `v${i}`))),
    );
    // Applied in one log order: each key's previous value is the one proposed just before it.
    expect(results.filter((r) => r === null).length).toBe(5);
    for (const s of c.stores.values()) await until(() => s.appliedCount === 50, 'replication');
    for (const s of c.stores.values()) expect([...s.data]).toEqual([...c.stores.get(leader.id)!.data]);

    const follower = [...c.nodes.values()].find((n) => !n.isLeader)!;
    await expect(follower.propose(put('x', 'y'))).rejects.toBeInstanceOf(NotLeaderError);
    await expect(follower.propose(put('x', 'y'))).rejects.toMatchObject({ leader: leader.id });
    // Read on a follower after a write on the leader sees the write.
    await leader.propose(put('fresh', 'yes'));
    const seen = await follower.read(() => c.stores.get(follower.id)!.data.get('fresh'));
    expect(seen).toBe('yes');

    // A client of any member's Propose rpc reaches the leader.
    const client = new ProposeClient(`127.0.0.1:${c.ports.get(follower.id)}`);
    try {
      const res = await client.proposeOnce(put('fresh', 'via rpc'));
      expect(JSON.parse(Buffer.from(res.result).toString())).toBe('yes');
      expect(res.index).toBeGreaterThan(50);
      // Many concurrent commands over the batching stream: each gets its own answer.
      const many = await Promise.all(Array.from({ length: 40 }, (_, i) => client.propose(put(`s${i}`, 'x'))));
      expect(new Set(many.map((r) => r.index)).size).toBe(40);
      expect(many.every((r) => JSON.parse(Buffer.from(r.result).toString()) === null)).toBe(true);
      for (let i = 0; i < 40; i++) expect(c.stores.get(leader.id)!.data.get(`s${i}`)).toBe('x');
    } finally {
      client.close();
    }
  });

  test('survives a stopped leader: a new leader is elected and writes continue; the old one catches up from disk', async () => {
    c = new Cluster();
    await c.start([1, 2, 3]);
    const first = await c.leader();
    for (let i = 0; i < 20; i++) await first.propose(put('a', `${i}`));
    const firstId = first.id;
    await c.stopNode(firstId);
    const second = await c.leader();
    expect(second.id).not.toBe(firstId);
    for (let i = 0; i < 20; i++) await second.propose(put('b', `${i}`));

    const restarted = await c.startNode(firstId);
    const store = c.stores.get(firstId)!;
    await until(() => store.data.get('b') === '19', 'restarted member catching up');
    expect(store.data.get('a')).toBe('19');
    expect(restarted.isLeader).toBe(false);
    expect(c.notices.filter((n) => /corrupt|torn/i.test(n))).toEqual([]);
  });

  test('a wiped follower is restored by a snapshot from the leader', async () => {
    c = new Cluster({ snapshotEvery: 30, snapshotCatchUpEntries: 5 });
    await c.start([1, 2, 3]);
    const leader = await c.leader();
    const victim = [...c.nodes.keys()].find((id) => id !== leader.id)!;
    await leader.propose(put('before', 'wipe'));
    await until(() => c.stores.get(victim)!.data.has('before'), 'victim has data');
    await c.stopNode(victim);
    fs.rmSync(c.dataDir(victim), { recursive: true, force: true });
    for (let i = 0; i < 100; i++) await leader.propose(put(`k${i % 7}`, `${i}`));
    // The leader compacted past anything the wiped member could be sent as entries.
    expect(leader.status().progress.length).toBe(3);

    await c.startNode(victim); // empty dir, no bootstrap: it knows nothing until the leader calls
    const store = c.stores.get(victim)!;
    await until(
      () => store.data.get('k1') === '99' && store.data.get('before') === 'wipe',
      'snapshot install',
    );
    expect(store.restores).toBeGreaterThan(0);
    expect(c.nodes.get(victim)!.members.voters.sort()).toEqual([1, 2, 3]);
    // It keeps following afterwards, as a full member.
    await leader.propose(put('after', 'snapshot'));
    await until(() => store.data.get('after') === 'snapshot', 'replication after the snapshot');
  });

  test('membership changes: add a learner, promote it, transfer leadership to it, remove a member', async () => {
    c = new Cluster();
    await c.start([1, 2, 3]);
    let leader = await c.leader();
    await leader.propose(put('k', 'v'));
    const node4 = await c.startNode(4, undefined);
    let cs = await leader.addMember(4, `127.0.0.1:${c.ports.get(4)}`, { learner: true });
    expect(cs.learners).toEqual([4]);
    await until(() => c.stores.get(4)!.data.get('k') === 'v', 'learner replication');
    cs = await leader.promote(4);
    expect(cs.voters.sort()).toEqual([1, 2, 3, 4]);
    await until(() => node4.members.voters.length === 4, 'member 4 knows it is a voter');

    await leader.transferLeadership(4);
    leader = await c.leader();
    expect(leader.id).toBe(4);
    const gone = [1, 2, 3].find((id) => id !== 4)!;
    cs = await leader.removeMember(gone);
    expect(cs.voters).not.toContain(gone);
    await c.stopNode(gone);
    await leader.propose(put('k', 'after removal'));
    for (const [id, s] of c.stores)
      if (id !== gone) await until(() => s.data.get('k') === 'after removal', 'write');
  });
});
