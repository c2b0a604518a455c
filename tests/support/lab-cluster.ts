// Drives a shoal cluster on a lab through the real CLI inside each host (as an operator
// would on each machine): init, join, node and service commands, crash/restart of
// shoald by PID, and what really runs, read from each host's own dockerd. Shared by the
// cluster, services and chaos tests and by the lab benchmarks, so they all form the
// cluster and read its state the same way.
import { spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import type Docker from 'dockerode';
import { control } from '../../cli/control-client';
import { nsenterArgs, PRIVATE_PATHS } from '../../deploy/lab/host-namespaces';
import { hostShoalSocket, labUp, requireHost } from '../../deploy/lab/lab';
import type { LabHost, LabState } from '../../deploy/lab/state';
import { dockerdPid } from '../../deploy/lab/swarm-reference';
import type { Service, Task } from '../../proto/api-types';
import type { GetServiceResponse__Output } from '../../proto/gen/shoal/api/GetServiceResponse';
import type { ListTasksResponse__Output } from '../../proto/gen/shoal/api/ListTasksResponse';
import { dockerOf } from './lab-fixture';

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

/** One row of `shoal service ls --format json`. */
export interface ServiceRow {
  ID: string;
  Name: string;
  Mode: string;
  Replicas: string;
  Image: string;
}

/** One row of `shoal service ps --format json`. */
export interface TaskRow {
  ID: string;
  Name: string;
  Image: string;
  Node: string;
  DesiredState: string;
  CurrentState: string;
  Error: string;
}

/** A container of a service, as the host's own dockerd reports it. */
export interface Container {
  host: string;
  id: string;
  taskId: string;
  slot: number;
  image: string;
  ip: string;
  state: string;
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export const jsonLines = <T>(text: string): T[] =>
  text
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as T);

/** Desired Running and reported Running: the task a slot (or node) counts as up. */
export const isRunning = (t: TaskRow): boolean =>
  t.DesiredState === 'Running' && t.CurrentState.startsWith('Running');

/** Containers per host, every given host present (0 when it runs none). */
export function countByHost(containers: Container[], hosts: string[]): Record<string, number> {
  const out: Record<string, number> = Object.fromEntries(hosts.map((h) => [h, 0]));
  for (const c of containers) out[c.host] = (out[c.host] ?? 0) + 1;
  return out;
}

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

  constructor(readonly lab: LabState) {
    // Read by tests/support/lab-environment.ts when a test fails.
    const logs: Record<string, string> = {};
    for (const h of lab.hosts) logs[h.host] = path.join(h.dir, PRIVATE_PATHS['/var/log'], 'shoald.log');
    (globalThis as { __shoalLabLogs?: Record<string, string> }).__shoalLabLogs = logs;
  }

  /** A new lab with a cluster formed on it and every node Ready. */
  static async up(name: string, managers: number, workers: number): Promise<LabCluster> {
    const c = new LabCluster(await labUp({ name, managers, workers }));
    await c.form();
    await c.waitReady();
    return c;
  }

  host(name: string): LabHost {
    return requireHost(this.lab, name);
  }

  get hosts(): string[] {
    return this.lab.hosts.map((h) => h.host);
  }
  get managers(): string[] {
    return this.lab.hosts.filter((h) => h.role === 'manager').map((h) => h.host);
  }
  get workers(): string[] {
    return this.lab.hosts.filter((h) => h.role === 'worker').map((h) => h.host);
  }
  /** Where service commands run unless told otherwise. */
  get via(): string {
    return this.managers[0];
  }

  addr(host: string): string {
    return `${this.host(host).address}:2377`;
  }

  /** Runs a command inside a host's namespaces. */
  exec(host: string, command: string[], timeoutMs = 120_000): Run {
    const r = spawnSync('nsenter', nsenterArgs(this.host(host).sshdPid!, command), {
      encoding: 'utf8',
      timeout: timeoutMs,
    });
    return { code: r.status ?? -1, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
  }

  tryShoal(host: string, args: string[], timeoutMs?: number): Run {
    return this.exec(host, [SHOAL, ...args], timeoutMs);
  }

  /** Runs `shoal ARGS` on a host; throws with its stderr when it fails. */
  shoal(host: string, args: string[], timeoutMs?: number): string {
    const r = this.tryShoal(host, args, timeoutMs);
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

  nodes(host: string = this.via): NodeRow[] {
    return jsonLines<NodeRow>(this.shoal(host, ['node', 'ls', '--format', 'json']));
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

  /** Waits until every lab host is a Ready node. */
  async waitReady(timeoutMs = 60_000): Promise<NodeRow[]> {
    const n = this.lab.hosts.length;
    return waitFor(
      `${n} ready nodes`,
      () => {
        const rows = this.nodes();
        return rows.length === n && rows.every((x) => x.Status === 'Ready') ? rows : undefined;
      },
      timeoutMs,
      300,
    );
  }

  // ------------------------------------------------------------------ services

  services(via = this.via): ServiceRow[] {
    return jsonLines<ServiceRow>(this.shoal(via, ['service', 'ls', '--format', 'json']));
  }

  /** `service ps` rows: newest first within a slot, as docker orders them. */
  ps(service: string, via = this.via): TaskRow[] {
    return jsonLines<TaskRow>(this.shoal(via, ['service', 'ps', service, '--format', 'json']));
  }

  runningTasks(service: string, via = this.via): TaskRow[] {
    return this.ps(service, via).filter(isRunning);
  }

  inspectService(service: string, via = this.via): Service {
    return (JSON.parse(this.shoal(via, ['service', 'inspect', service])) as Service[])[0];
  }

  /** Calls the control API on a manager's local socket (what the CLI does, without a process). */
  control<Res>(method: Parameters<typeof control>[1], req: object, via = this.via): Promise<Res> {
    return control<Res>({ socket: hostShoalSocket(this.host(via)), tlsDir: '' }, method, req);
  }

  /** Every task of the service in the store, whole (slots, states, timestamps), via the control API. */
  async tasks(service: string, via = this.via): Promise<Task[]> {
    const s = await this.control<GetServiceResponse__Output>('GetService', { serviceId: service }, via);
    const res = await this.control<ListTasksResponse__Output>(
      'ListTasks',
      { filters: { serviceIds: [s.service!.id] } },
      via,
    );
    return res.tasks;
  }

  /**
   * Waits until exactly `n` tasks of the service are desired and reported Running and
   * exactly `n` of its containers run on the hosts' daemons; returns those containers.
   * Polls the control API, not the CLI: a CLI process per poll is slow on a busy machine.
   */
  async waitRunning(service: string, n: number, timeoutMs = 60_000, via = this.via): Promise<Container[]> {
    return waitFor(
      `${service}: ${n} running tasks and containers`,
      async () => {
        const running = (await this.tasks(service, via)).filter(
          (t) => t.desiredState === 'RUNNING' && t.status?.state === 'RUNNING',
        );
        if (running.length !== n) return undefined;
        const containers = await this.containers(service);
        return containers.length === n ? containers : undefined;
      },
      timeoutMs,
      300,
    );
  }

  /** Removes every service and waits until no host has a container of any. */
  async removeServices(via = this.via): Promise<void> {
    const ids = this.shoal(via, ['service', 'ls', '-q']).split('\n').filter(Boolean);
    if (ids.length > 0) this.shoal(via, ['service', 'rm', ...ids]);
    await waitFor(
      'no service containers left on any host',
      async () => (await this.containers(undefined, { all: true })).length === 0,
      60_000,
      300,
    );
  }

  // ------------------------------------------------------------------ docker

  docker(host: string): Docker {
    return dockerOf(this.host(host));
  }

  /**
   * The service's containers (every service's when undefined) on the given hosts (all by
   * default), from each host's own dockerd: running ones unless `all`.
   */
  async containers(service?: string, o: { hosts?: string[]; all?: boolean } = {}): Promise<Container[]> {
    const label = service === undefined ? 'shoal.service.name' : `shoal.service.name=${service}`;
    const out: Container[] = [];
    for (const h of o.hosts ?? this.hosts) {
      const list = await this.docker(h).listContainers({
        all: !!o.all,
        filters: { label: [label], ...(o.all ? {} : { status: ['running'] }) },
      });
      for (const x of list)
        out.push({
          host: h,
          id: x.Id,
          taskId: x.Labels['shoal.task.id'],
          slot: Number(x.Labels['shoal.task.slot']),
          image: x.Image,
          ip: Object.values(x.NetworkSettings?.Networks ?? {})[0]?.IPAddress ?? '',
          state: x.State,
        });
    }
    return out;
  }

  // ------------------------------------------------------------------ crashes

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

  /**
   * The host dies: kill -9 of its shoald, its dockerd and its service containers'
   * processes (a dockerd killed alone leaves the containers running under their shims,
   * which would not be a dead host). Returns how many container processes were killed.
   */
  async killHost(host: string): Promise<number> {
    const h = this.host(host);
    const docker = this.docker(host);
    const pids: number[] = [];
    for (const info of await docker.listContainers({ filters: { label: ['shoal.service.name'] } })) {
      const pid = (await docker.getContainer(info.Id).inspect()).State.Pid;
      if (pid > 0) pids.push(pid);
    }
    this.kill9(host);
    const dockerd = dockerdPid(h);
    if (dockerd) process.kill(dockerd, 'SIGKILL');
    for (const pid of pids) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        /* gone with its shim already */
      }
    }
    return pids.length;
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
