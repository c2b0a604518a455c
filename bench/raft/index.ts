// `npm run bench -- raft [--quick] [--seconds S] [--kills K] [--cpu-prof] [--tick-ms T]
//                        [--payload B] [--no-fast-detect]`
// A 3-member cluster of separate processes over gRPC on 127.0.0.1 with fsync on:
// commits/s and commit latency at 1, 16 and 256 concurrent proposers inside the leader's
// process, the same through a separate client process's Propose calls, and leader
// failover time over repeated kill -9 of the leader.
import { ChildProcess, fork } from 'child_process';
import * as fs from 'fs';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';
import { performance } from 'perf_hooks';
import type { Figures } from '../run';
import { percentile, round } from '../stats';
import type { MemberConfig } from './member';
import type { LoadResult } from './load';
import { summarizeProfile } from './profile';

export const description =
  '3 raft members as separate processes over gRPC on loopback, fsync on: commits/s, commit latency, failover';

interface Options {
  seconds: number;
  kills: number;
  cpuProf: boolean;
  tickMs: number;
  payload: number;
  fastDetect: boolean;
}

function parseArgs(args: string[]): Options {
  const o: Options = { seconds: 5, kills: 20, cpuProf: false, tickMs: 100, payload: 64, fastDetect: true };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const num = (name: string) => {
      const v = Number(args[++i]);
      if (!Number.isFinite(v) || v <= 0) throw new Error(`${name} needs a positive number, got ${args[i]}`);
      return v;
    };
    if (a === '--quick') Object.assign(o, { seconds: 2, kills: 5 });
    else if (a === '--seconds') o.seconds = num(a);
    else if (a === '--kills') o.kills = Math.round(num(a));
    else if (a === '--cpu-prof') o.cpuProf = true;
    else if (a === '--tick-ms') o.tickMs = Math.round(num(a));
    else if (a === '--payload') o.payload = Math.round(num(a));
    else if (a === '--no-fast-detect') o.fastDetect = false;
    else throw new Error(`unknown option ${a}`);
  }
  return o;
}

class Child {
  private nextId = 1;
  private readonly waiting = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();
  readonly started: Promise<void>;
  exited = false;

  constructor(
    readonly proc: ChildProcess,
    readonly name: string,
  ) {
    let markStarted: () => void = () => {};
    let failStart: (e: Error) => void = () => {};
    this.started = new Promise((res, rej) => {
      markStarted = res;
      failStart = rej;
    });
    proc.on('message', (m: { id: number; ok: boolean; result?: unknown; error?: string }) => {
      if (m.id === 0) return markStarted();
      const w = this.waiting.get(m.id);
      this.waiting.delete(m.id);
      if (m.ok) w?.resolve(m.result);
      else w?.reject(new Error(`${name}: ${m.error}`));
    });
    proc.on('exit', (code, signal) => {
      this.exited = true;
      const err = new Error(`${name} exited (code ${code}, signal ${signal})`);
      failStart(err);
      for (const w of this.waiting.values()) w.reject(err);
      this.waiting.clear();
    });
  }

  request<T>(cmd: string, params: object = {}, timeoutMs = 120_000): Promise<T> {
    if (this.exited) return Promise.reject(new Error(`${this.name} has exited`));
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting.delete(id);
        reject(new Error(`${this.name}: ${cmd} timed out`));
      }, timeoutMs);
      this.waiting.set(id, {
        resolve: (v) => {
          clearTimeout(timer);
          resolve(v as T);
        },
        reject: (e) => {
          clearTimeout(timer);
          reject(e);
        },
      });
      this.proc.send({ id, cmd, ...params });
    });
  }

  kill9(): void {
    if (!this.exited && this.proc.pid) this.proc.kill('SIGKILL');
  }

  waitExit(): Promise<void> {
    return this.exited ? Promise.resolve() : new Promise((r) => this.proc.once('exit', () => r()));
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function run(args: string[]): Promise<Figures> {
  const o = parseArgs(args);
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'shoal-bench-raft-'));
  const profDir = path.join(root, 'prof');
  const ids = [1, 2, 3];
  const ports = new Map<number, number>();
  for (const id of ids) ports.set(id, await freePort());
  const peers = Object.fromEntries(ids.map((id) => [id, `127.0.0.1:${ports.get(id)}`]));
  const members = new Map<number, Child>();
  const others: Child[] = [];

  const startMember = async (id: number, profile = false): Promise<Child> => {
    const cfg: MemberConfig = {
      id,
      port: ports.get(id)!,
      dataDir: path.join(root, `m${id}`),
      peers,
      bootstrap: ids,
      tickMs: o.tickMs,
      fastLeaderLossDetection: o.fastDetect,
    };
    const execArgv = profile ? ['--cpu-prof', '--cpu-prof-dir', profDir] : [];
    const proc = fork(path.join(__dirname, 'member.js'), [JSON.stringify(cfg)], {
      execArgv,
      stdio: 'inherit',
    });
    const child = new Child(proc, `member ${id}`);
    members.set(id, child);
    await child.started;
    return child;
  };

  const status = (c: Child) =>
    c
      .request<{ leader: number; isLeader: boolean; applied: number }>('status', {}, 2000)
      .catch(() => undefined);

  const agreedLeader = async (timeoutMs = 20_000): Promise<number> => {
    const end = Date.now() + timeoutMs;
    while (Date.now() < end) {
      const live = [...members.values()].filter((c) => !c.exited);
      const st = await Promise.all(live.map(status));
      const leaders = st.filter((s) => s?.isLeader);
      if (
        leaders.length === 1 &&
        live.length === ids.length &&
        st.every((s) => s?.leader === st[0]?.leader)
      ) {
        return st[0]!.leader;
      }
      await sleep(20);
    }
    throw new Error('no leader agreed on by all members');
  };

  const figures: Figures = {};
  try {
    console.log(
      `raft bench: data under ${root}; tick ${o.tickMs} ms, payload ${o.payload} B, ${o.seconds} s per run`,
    );
    await Promise.all(ids.map((id) => startMember(id, o.cpuProf && id === 1)));
    let leader = await agreedLeader();
    if (leader !== 1) {
      // Load runs in member 1 so that --cpu-prof profiles the leader.
      await members.get(leader)!.request('transfer', { to: 1 });
      leader = await agreedLeader();
    }
    console.log(`leader: member ${leader}`);

    const inProcess: Record<number, LoadResult> = {};
    for (const n of [1, 16, 256]) {
      const r = await members
        .get(leader)!
        .request<LoadResult>(
          'load',
          { proposers: n, seconds: o.seconds, payloadBytes: o.payload },
          (o.seconds + 60) * 1000,
        );
      inProcess[n] = r;
      const perSync = r.syncs ? (r.entriesPersisted ?? 0) / r.syncs : 0;
      console.log(
        `in-process ${String(n).padStart(3)} proposers: ${Math.round(r.commits / r.seconds)} commits/s, ` +
          `p50 ${round(r.p50, 2)} ms, p99 ${round(r.p99, 2)} ms, errors ${r.errors}; leader: ` +
          `${r.readies} Readies, ${r.syncs} fsyncs, ${round(perSync, 1)} entries per fsync`,
      );
      figures[`commits_per_s_${n}`] = Math.round(r.commits / r.seconds);
      figures[`p50_ms_${n}`] = round(r.p50, 2);
      figures[`p99_ms_${n}`] = round(r.p99, 2);
    }

    const clientProc = fork(path.join(__dirname, 'client.js'), [], { stdio: 'inherit' });
    const client = new Child(clientProc, 'client');
    others.push(client);
    await client.started;
    for (const n of [16, 256]) {
      const r = await client.request<LoadResult>(
        'load',
        { address: peers[leader], proposers: n, seconds: o.seconds, payloadBytes: o.payload },
        (o.seconds + 60) * 1000,
      );
      console.log(
        `client over gRPC ${String(n).padStart(3)} proposers: ${Math.round(r.commits / r.seconds)} commits/s, ` +
          `p50 ${round(r.p50, 2)} ms, p99 ${round(r.p99, 2)} ms, errors ${r.errors}`,
      );
      figures[`client_commits_per_s_${n}`] = Math.round(r.commits / r.seconds);
      figures[`client_p99_ms_${n}`] = round(r.p99, 2);
    }
    await client.request('exit').catch(() => {});

    if (o.cpuProf) {
      const m1 = members.get(1)!;
      await m1.request('exit').catch(() => {});
      await m1.waitExit();
      await startMember(1);
      await agreedLeader();
      const files = fs.existsSync(profDir)
        ? fs.readdirSync(profDir).filter((f) => f.endsWith('.cpuprofile'))
        : [];
      for (const f of files) {
        const keep = path.join(os.tmpdir(), `shoal-raft-leader-${Date.now()}.cpuprofile`);
        fs.copyFileSync(path.join(profDir, f), keep);
        console.log(`\nCPU profile of the leader (member 1), kept as ${keep}:`);
        console.log(summarizeProfile(JSON.parse(fs.readFileSync(keep, 'utf8'))));
      }
    }

    const failovers: number[] = [];
    for (let k = 0; k < o.kills; k++) {
      const victim = await agreedLeader();
      const survivors = ids.filter((id) => id !== victim).map((id) => members.get(id)!);
      const t0 = performance.now();
      members.get(victim)!.kill9();
      const firstCommit = await Promise.any(
        survivors.map((s) =>
          s
            .request<{ committed: boolean; error?: string }>('probe-write', { timeoutMs: 15_000 }, 20_000)
            .then((r) => {
              if (!r.committed) throw new Error(r.error);
              return performance.now() - t0;
            }),
        ),
      );
      failovers.push(firstCommit);
      console.log(
        `failover ${k + 1}/${o.kills}: killed leader ${victim}, a write committed after ${round(firstCommit, 0)} ms`,
      );
      await members.get(victim)!.waitExit();
      await startMember(victim);
      await agreedLeader();
      // Let the restarted member catch up and every stream settle before the next kill.
      await sleep(300);
    }
    if (failovers.length) {
      figures.failover_p50_ms = round(percentile(failovers, 50), 0);
      figures.failover_p99_ms = round(percentile(failovers, 99), 0);
      figures.failover_max_ms = round(Math.max(...failovers), 0);
      figures.failovers = failovers.length;
    }
  } finally {
    for (const c of [...members.values(), ...others]) c.kill9();
    await Promise.all([...members.values(), ...others].map((c) => c.waitExit()));
    fs.rmSync(root, { recursive: true, force: true });
  }

  const ordered: Figures = {
    commits_per_s_1: figures.commits_per_s_1 ?? null,
    commits_per_s_16: figures.commits_per_s_16 ?? null,
    commits_per_s_256: figures.commits_per_s_256 ?? null,
    p99_ms_256: figures.p99_ms_256 ?? null,
    client_commits_per_s_256: figures.client_commits_per_s_256 ?? null,
    failover_p50_ms: figures.failover_p50_ms ?? null,
    failover_p99_ms: figures.failover_p99_ms ?? null,
  };
  return { ...ordered, ...figures };
}
