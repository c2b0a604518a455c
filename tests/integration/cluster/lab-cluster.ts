// Drives a shoal cluster on a lab through the real CLI inside each host (as an operator
// would on each machine): init, join, node commands, and crash/restart of shoald by PID.
// Shared by the cluster integration tests and bench/failover.
import { spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { nsenterArgs } from '../../../deploy/lab/host-namespaces';
import { requireHost } from '../../../deploy/lab/lab';
import type { LabHost, LabState } from '../../../deploy/lab/state';

export const SHOAL = '/opt/shoal/bin/shoal';

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** One row of `shoal node ls --format json`. */
export interface NodeRow {
  ID: string;
  Hostname: string;
  Status: string;
  Availability: string;
  ManagerStatus: string;
  EngineVersion: string;
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export async function waitFor<T>(
  what: string,
  fn: () => T | undefined | false | Promise<T | undefined | false>,
  timeoutMs = 20_000,
  everyMs = 200,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const v = await fn();
      if (v) return v;
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline)
      throw new Error(
        `timed out after ${timeoutMs} ms waiting for ${what}${last ? `: ${(last as Error).message}` : ''}`,
      );
    await sleep(everyMs);
  }
}

export class LabCluster {
  readonly tokens: { worker: string; manager: string } = { worker: '', manager: '' };

  constructor(readonly lab: LabState) {}

  host(name: string): LabHost {
    return requireHost(this.lab, name);
  }

  get managers(): string[] {
    return this.lab.hosts.filter((h) => h.role === 'manager').map((h) => h.host);
  }
  get workers(): string[] {
    return this.lab.hosts.filter((h) => h.role === 'worker').map((h) => h.host);
  }

  addr(host: string): string {
    return `${this.host(host).address}:2377`;
  }

  tryShoal(host: string, args: string[]): Run {
    const r = spawnSync('nsenter', nsenterArgs(this.host(host).sshdPid!, [SHOAL, ...args]), {
      encoding: 'utf8',
      timeout: 90_000,
    });
    return { code: r.status ?? -1, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
  }

  /** Runs `shoal ARGS` on a host; throws with its stderr when it fails. */
  shoal(host: string, args: string[]): string {
    const r = this.tryShoal(host, args);
    if (r.code !== 0)
      throw new Error(`shoal ${args.join(' ')} on ${host} failed (${r.code}): ${r.stderr.trim()}`);
    return r.stdout;
  }

  /** Like tryShoal without blocking the event loop (for timing loops). */
  shoalAsync(host: string, args: string[], timeoutMs = 20_000): Promise<Run> {
    return new Promise((resolve) => {
      const child = spawn('nsenter', nsenterArgs(this.host(host).sshdPid!, [SHOAL, ...args]));
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d) => (stdout += d));
      child.stderr.on('data', (d) => (stderr += d));
      const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
      child.on('close', (code) => {
        clearTimeout(timer);
        resolve({ code: code ?? -1, stdout, stderr });
      });
    });
  }

  nodes(host: string): NodeRow[] {
    return this.shoal(host, ['node', 'ls', '--format', 'json'])
      .trim()
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as NodeRow);
  }

  leaderHost(via: string): string | undefined {
    return this.nodes(via).find((n) => n.ManagerStatus === 'Leader')?.Hostname;
  }

  /** init on the first manager, then every other manager and worker joins. */
  async form(): Promise<void> {
    const [first, ...others] = this.managers;
    this.shoal(first, ['init', '--advertise-addr', this.host(first).address]);
    this.tokens.manager = this.shoal(first, ['join-token', 'manager', '-q']).trim();
    this.tokens.worker = this.shoal(first, ['join-token', 'worker', '-q']).trim();
    let via = first;
    for (const m of others) {
      // Each joins through the previous one: joins via a follower are forwarded.
      this.shoal(m, [
        'join',
        '--token',
        this.tokens.manager,
        '--advertise-addr',
        this.host(m).address,
        this.addr(via),
      ]);
      via = m;
    }
    for (const w of this.workers)
      this.shoal(w, [
        'join',
        '--token',
        this.tokens.worker,
        '--advertise-addr',
        this.host(w).address,
        this.addr(first),
      ]);
  }

  shoaldPidFile(host: string): string {
    return path.join(this.host(host).dir, 'run', 'shoal', 'shoald.pid');
  }

  shoaldPid(host: string): number {
    return Number(fs.readFileSync(this.shoaldPidFile(host), 'utf8').trim());
  }

  /** kill -9 the host's shoald (a process the lab started for this run), by PID. */
  kill9(host: string): number {
    const pid = this.shoaldPid(host);
    process.kill(pid, 'SIGKILL');
    return pid;
  }

  async restart(host: string): Promise<void> {
    const h = this.host(host);
    spawnSync(
      'nsenter',
      nsenterArgs(h.sshdPid!, [
        'sh',
        '-c',
        'setsid /opt/shoal/bin/shoald >>/var/log/shoald.log 2>&1 </dev/null &',
      ]),
    );
    await waitFor(
      `shoald on ${host} to answer`,
      () => this.tryShoal(host, ['ping', '-q']).code === 0,
      20_000,
    );
  }
}
