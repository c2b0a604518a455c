// Three member processes over gRPC on 127.0.0.1 with real WALs; clients write and read
// while the test kill -9s the leader and restarts it, several times. The recorded
// history must be linearizable and the cluster must keep answering after each kill.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { performance } from 'perf_hooks';
import { ProposeClient } from '../../../raft/transport';
import {
  checkOperations,
  describeReport,
  HistoryRecorder,
  kvModel,
  KvInput,
  KvOutput,
} from '../../support/linearizability';
import { encodeCommand } from '../../support/raft-sim/kv-state-machine';
import { Prng } from '../../support/raft-sim/prng';
import { freePort, Member } from './members';

const KILLS = 3;
const CLIENTS = 3;
const OP_DEADLINE_MS = 8_000;
const ATTEMPT_MS = 1_500;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const decoder = new TextDecoder();

describe('raft kv cluster under kill -9 of the leader', () => {
  let dir: string;
  let members: Member[] = [];
  const proposers = new Map<number, ProposeClient>();

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shoal-raft-kv-'));
    const peers: Record<number, string> = {};
    for (const id of [1, 2, 3]) peers[id] = `127.0.0.1:${await freePort()}`;
    members = [1, 2, 3].map((id) => new Member(id, path.join(dir, `m${id}`), peers));
    // The first start warms the transpile cache the other two then share.
    await members[0].start();
    await Promise.all(members.slice(1).map((m) => m.start()));
    for (const m of members) proposers.set(m.id, new ProposeClient(m.address));
  }, 150_000);

  afterAll(async () => {
    for (const p of proposers.values()) p.close();
    await Promise.all(members.map((m) => m.kill()));
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  async function findLeader(timeoutMs: number): Promise<Member> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const statuses = await Promise.all(members.map((m) => m.request({ type: 'status' }, 1_000)));
      const leaders = members.filter((_, i) => {
        const s = statuses[i];
        return s?.type === 'status' && s.isLeader;
      });
      if (leaders.length === 1) return leaders[0];
      await sleep(100);
    }
    throw new Error(
      `no single leader within ${timeoutMs} ms:\n${members.map((m) => `${m.id}: ${m.log}`).join('\n')}`,
    );
  }

  test('history stays linearizable across leader kills', async () => {
    const history = new HistoryRecorder<KvInput, KvOutput>(() => performance.now());
    const completions: number[] = [];
    let stop = false;
    const prng = new Prng(Number(process.env.RAFT_CHAOS_SEED ?? Date.now() % 1e9));

    const attempt = async (target: Member, client: number, seq: number, op: KvInput, readIndex: boolean) => {
      if (readIndex && op.kind === 'get') {
        const reply = await target.request({ type: 'read', key: op.key }, ATTEMPT_MS + 500);
        if (reply?.type === 'read' && reply.ok) return reply.output;
        return undefined;
      }
      try {
        const { result } = await proposers
          .get(target.id)!
          .propose(encodeCommand({ client, seq, op }), ATTEMPT_MS);
        const output = JSON.parse(decoder.decode(result)) as KvOutput | null;
        return output ?? undefined;
      } catch {
        return undefined; // refused, timed out or connection lost: the op may still apply
      }
    };

    const runClient = async (client: number) => {
      const rnd = prng.fork(`client${client}`);
      let seq = 0;
      while (!stop) {
        const key = rnd.pick(['a', 'b']);
        const r = rnd.next();
        const tag = `${client}.${seq + 1}`;
        const op: KvInput =
          r < 0.4
            ? { kind: 'get', key }
            : r < 0.7
              ? { kind: 'append', key, value: tag + ',' }
              : { kind: 'put', key, value: tag };
        const readIndex = rnd.chance(0.5);
        seq++;
        const id = history.invoke(client, op);
        const started = Date.now();
        let target = rnd.pick(members);
        while (Date.now() - started < OP_DEADLINE_MS) {
          const output = await attempt(target, client, seq, op, readIndex);
          if (output !== undefined) {
            history.complete(id, output);
            completions.push(Date.now());
            break;
          }
          target = rnd.pick(members.filter((m) => m !== target));
          await sleep(50);
        }
      }
    };

    const clientsDone = Promise.all(Array.from({ length: CLIENTS }, (_, i) => runClient(i + 1)));
    const killedAt: number[] = [];
    try {
      await sleep(2_000);
      for (let k = 0; k < KILLS; k++) {
        const leader = await findLeader(10_000);
        killedAt.push(Date.now());
        await leader.kill();
        await sleep(500 + prng.int(0, 1_000));
        await leader.start();
        await sleep(2_000);
      }
    } finally {
      stop = true;
      await clientsDone;
    }

    // Each kill was followed by completed operations before the next one.
    for (let k = 0; k < killedAt.length; k++) {
      const until = killedAt[k + 1] ?? Infinity;
      expect(completions.filter((t) => t > killedAt[k] && t < until).length).toBeGreaterThan(0);
    }
    const ops = history.operations();
    const report = checkOperations(kvModel, ops, { timeoutMs: 20_000 });
    process.stdout.write(
      `raft-kv chaos: ${ops.length} ops, ${completions.length} completed, ${KILLS} leader kills, check ${report.result} in ${report.steps} steps\n`,
    );
    if (report.result !== 'ok') throw new Error(describeReport(kvModel, report));
  }, 90_000);
});
