import { StateRole } from '../../../raft';
import { Cluster, enc } from './helpers';

test('a three-node cluster elects a leader from ticks alone and commits local and forwarded proposals', () => {
  const c = new Cluster([1, 2, 3], { preVote: true, checkQuorum: true });
  // No config.random: each node defaults to a deterministic generator seeded with its id.
  let ticks = 0;
  const leaders = (): number[] =>
    [...c.nodes.values()].filter((n) => n.status().role === StateRole.Leader).map((n) => n.id);
  while (leaders().length === 0 && ticks < 100) {
    for (const n of c.nodes.values()) n.tick();
    c.stabilize();
    ticks++;
  }
  expect(leaders().length).toBe(1);
  expect(ticks).toBeGreaterThanOrEqual(10);
  expect(ticks).toBeLessThan(20 * 3);
  const [lead] = leaders();
  const follower = lead === 1 ? 2 : 1;
  c.node(lead).propose(enc('hello'));
  c.node(follower).propose(enc('fwd'));
  c.stabilize();
  for (const id of [1, 2, 3]) {
    expect(c.node(id).status().commit).toBe(3);
    expect(c.applied.get(id)).toEqual(['hello', 'fwd']);
  }
});
