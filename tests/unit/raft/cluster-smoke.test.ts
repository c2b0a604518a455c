import { RawNode, MemoryStorage, type Message, StateRole } from '../../../raft';
test('a three-node cluster elects a leader and commits local and forwarded proposals', () => {
  const ids = [1, 2, 3];
  const st = new Map<number, MemoryStorage>();
  const nodes = new Map<number, RawNode>();
  for (const id of ids) {
    const s = new MemoryStorage({ voters: ids });
    st.set(id, s);
    nodes.set(
      id,
      new RawNode({
        id,
        storage: s,
        electionTick: 10,
        heartbeatTick: 1,
        maxInflightMsgs: 256,
        preVote: true,
        checkQuorum: true,
      }),
    );
  }
  const stabilize = () => {
    for (let round = 0; round < 100; round++) {
      const q: Message[] = [];
      let any = false;
      for (const [id, n] of nodes) {
        while (n.hasReady()) {
          any = true;
          const rd = n.ready();

          const s = st.get(id)!;
          if (rd.snapshot) s.applySnapshot(rd.snapshot);
          s.append(rd.entries);
          if (rd.hardState) s.setHardState(rd.hardState);
          q.push(...rd.messages);
          n.advance();
        }
      }
      for (const m of q) nodes.get(m.to)!.step(m);
      if (!any && q.length === 0) return;
    }
  };
  nodes.get(1)!.campaign();
  stabilize();
  expect(nodes.get(1)!.status().role).toBe(StateRole.Leader);
  nodes.get(1)!.propose(new TextEncoder().encode('hello'));
  nodes.get(2)!.propose(new TextEncoder().encode('fwd'));
  stabilize();
  for (const n of nodes.values()) expect(n.status().commit).toBe(3);
});
