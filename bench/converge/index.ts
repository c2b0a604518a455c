// bench/converge: services on a real lab of 3 managers + 2 workers (each host its own
// dockerd and shoald, formed into a cluster through the CLI).
//   - converge: `shoal service create --detach --replicas N` run on a manager (CLI process
//     included) until N tasks are Running, against the floor: the same N containers
//     started directly with dockerode on the same hosts, all in parallel;
//   - scale 30 -> 60 (`service scale --detach`) until 60 are Running;
//   - worker loss: a 30-replica service over the 5 hosts, then the host of a worker
//     "dies": kill -9 of its shoald, its dockerd and its containers' processes (a
//     dockerd killed alone leaves its containers running under their shims, which would
//     not be a dead host); timed until 30 tasks are Running on the other hosts.
// Progress comes from the leader's Watch stream on its local socket (./task-watch: each
// task's Running is seen when it commits, as `--detach=false` sees it). Swarm's is polled
// every 50 ms through one kept-open dockerode client on its manager's API: dockerd offers
// no watch, so each side is observed through the best its API has. Every timed phase
// (floor, converge, scale, loss; Swarm's too) starts once the machine is quiet again
// (bench/reference settle): removing the previous phase's containers keeps the kernel and
// containerd busy for seconds after the call returns.
// With --vs-swarm, Docker Swarm's converge of the same 30 replicas and its scale to 60
// are measured on a separate lab after this one is down (not at the same time: 2 cores).
// The image is pinned to its digest at create (as Swarm), so an agent that has it skips
// the pull; --tag-only creates with --no-resolve-image: every task pulls the tag, as before.
// --keep-logs copies the hosts' shoald and dockerd logs to a temporary folder at the end
// (they are kept on a failure anyway).
// Where the time goes (30 replicas, 2026-11-22, timing logs in agent and dispatcher): the
// dispatcher sends every assignment within ~40 ms of the first, agents get them ~25 ms
// later and call create at once; the Docker start call then takes 5-7 s with 6 starts in
// parallel per host on the loaded 2-core machine, as in the floor. What shoal adds on top
// is the CLI process (~0.4 s before anything starts; docker's ~0.05 s) and the report
// tail (RUNNING sent ~40 ms after the start returns, written ~110 ms later, then a poll).
// The starts are bound by the machine's CPU (at most 1, 2, 3 or 6 in flight per host:
// the same 6.4-7.3 s for 30), so shoal's own CPU during a converge counts against it:
// the five shoalds use ~1.6 s of the machine's ~13 s in a 30-replica converge (2026-11-23).
//   npm run bench -- converge [--vs-swarm] [--skip-30] [--skip-100] [--skip-loss] [--tag-only] [--keep-logs]
import Docker from 'dockerode';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { CALL_TIMEOUT_MS, controlClient } from '../../cli/control-client';
import { callUnary } from '../../cli/daemon-client';
import type { ControlClient } from '../../proto/gen/shoal/api/Control';
import { hostDockerSocket, hostShoalSocket, labDown, labUp } from '../../deploy/lab/lab';
import { sweepLab } from '../../deploy/lab/sweeper';
import type { LabState } from '../../deploy/lab/state';
import { dockerdPid, swarmInit } from '../../deploy/lab/swarm-reference';
import type { ListNodesResponse__Output } from '../../proto/gen/shoal/api/ListNodesResponse';
import type { GetServiceResponse__Output } from '../../proto/gen/shoal/api/GetServiceResponse';
import { LabCluster, sleep, waitFor } from '../../tests/support/lab-cluster';
import { directStart, machineCpu, settle, swarmConverge } from '../reference';
import type { Figures } from '../run';
import { round } from '../stats';
import { ServiceTaskWatch } from './task-watch';

export const description =
  'service converge (30, 100 replicas) and scale 30->60 vs the dockerode floor; worker loss to 30/30 again';

const POLL_MS = 50;
/** Extra `service create` flags for every service of the run (--tag-only: --no-resolve-image). */
let createFlags: string[] = [];

/**
 * Reads nodes and a service's image through one kept-open client: the worker-loss phase
 * polls the nodes on the 2 cores it measures, and a new client per poll (connect, HTTP/2
 * set-up) cost ~3x the call itself.
 */
class Poller {
  private readonly client: ControlClient;

  constructor(c: LabCluster, via: string) {
    this.client = controlClient({ socket: hostShoalSocket(c.host(via)), tlsDir: '' });
  }

  async nodes(): Promise<ListNodesResponse__Output['nodes']> {
    return (
      await callUnary<ListNodesResponse__Output>(
        (opts, cb) => this.client.ListNodes({}, opts, cb),
        CALL_TIMEOUT_MS,
      )
    ).nodes;
  }

  /** The image reference the service's spec holds (pinned to a digest at create). */
  async image(serviceId: string): Promise<string | undefined> {
    const res = await callUnary<GetServiceResponse__Output>(
      (opts, cb) => this.client.GetService({ serviceId }, opts, cb),
      CALL_TIMEOUT_MS,
    );
    return res.service?.spec?.task?.container?.image;
  }

  close(): void {
    this.client.close();
  }
}

async function shoalOk(c: LabCluster, on: string, args: string[]): Promise<string> {
  const r = await c.shoalAsync(on, args, 120_000);
  if (r.code !== 0)
    throw new Error(`shoal ${args.join(' ')} on ${on} failed (${r.code}): ${r.stderr.trim()}`);
  return r.stdout;
}

/** CPU seconds (user + system) of a process so far, from /proc. */
function cpuSeconds(pid: number | undefined): number {
  if (!pid) return 0;
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime (fields 14, 15)
  } catch {
    return 0;
  }
}

/** CPU used by the lab's shoald and dockerd processes (their children, e.g. containerd, not included). */
function cpuSnapshot(c: LabCluster): { shoald: number; dockerd: number; machine: number; steal: number } {
  let shoald = 0;
  let dockerd = 0;
  for (const h of c.lab.hosts) {
    try {
      shoald += cpuSeconds(c.shoaldPid(h.host));
    } catch {
      /* no pid file: a killed host */
    }
    dockerd += cpuSeconds(dockerdPid(h));
  }
  const { busy: machine, steal } = machineCpu();
  return { shoald, dockerd, machine, steal };
}

function cpuSince(c: LabCluster, before: ReturnType<typeof cpuSnapshot>, wallMs: number): string {
  const now = cpuSnapshot(c);
  const f = (x: number) => round(x, 1);
  return `CPU over ${f(wallMs / 1000)} s wall: shoald x5 ${f(now.shoald - before.shoald)} s, dockerd x5 ${f(now.dockerd - before.dockerd)} s, whole machine ${f(now.machine - before.machine)} s of ${f((2 * wallMs) / 1000)} s, stolen by the hypervisor ${f(now.steal - before.steal)} s`;
}

/** The floor (bench/reference), with the CPU each part of the lab used while it ran. */
async function floor(c: LabCluster, replicas: number, image: string): Promise<number> {
  let cpu = cpuSnapshot(c);
  return directStart(c.lab.hosts, replicas, image, {
    begin: () => (cpu = cpuSnapshot(c)),
    end: (ms) => console.error(`floor ${replicas}: ${round(ms, 0)} ms; ${cpuSince(c, cpu, ms)}`),
  });
}

/** Time from the start of `create --detach` to `replicas` tasks Running, with milestones. */
async function converge(
  c: LabCluster,
  p: Poller,
  via: string,
  name: string,
  replicas: number,
  image: string,
) {
  await settle();
  const cpu = cpuSnapshot(c);
  const started = performance.now();
  const id = (
    await shoalOk(c, via, [
      'service',
      'create',
      '--detach',
      ...createFlags,
      '--name',
      name,
      '--replicas',
      String(replicas),
      image,
    ])
  ).trim();
  const createdMs = performance.now() - started;
  let firstRunningMs = NaN;
  const tasks = new ServiceTaskWatch(hostShoalSocket(c.host(via)), id);
  try {
    await tasks.until(
      `${name}: ${replicas} running`,
      ({ running }) => {
        if (Number.isNaN(firstRunningMs) && running > 0) firstRunningMs = performance.now() - started;
        return running === replicas;
      },
      180_000,
    );
  } finally {
    tasks.close();
  }
  const ms = performance.now() - started;
  console.error(`${name}: image ${await p.image(id)}`);
  console.error(
    `${name}: create returned ${round(createdMs, 0)} ms, first Running ${round(firstRunningMs, 0)} ms, all Running ${round(ms, 0)} ms; ${cpuSince(c, cpu, ms)}`,
  );
  return { id, ms, createdMs };
}

/** 30 replicas against the floor, then scale 30 -> 60 on the same service; removed after. */
async function converge30(c: LabCluster, p: Poller, via: string, image: string, cliMs: number) {
  const floorMs = await floor(c, 30, image);
  const { id, ms, createdMs } = await converge(c, p, via, 'c30', 30, image);
  console.error(
    `30 replicas: Running after ${round(ms, 0)} ms (create returned after ${round(createdMs, 0)} ms); floor ${round(floorMs, 0)} ms -> ${round(ms / floorMs, 2)}x; a bare CLI write ${round(cliMs, 0)} ms`,
  );
  await settle();
  const s0 = performance.now();
  await shoalOk(c, via, ['service', 'scale', '--detach', 'c30=60']);
  const tasks = new ServiceTaskWatch(hostShoalSocket(c.host(via)), id);
  await tasks.until('c30: 60 running', ({ running }) => running === 60, 180_000).finally(() => tasks.close());
  const scaleMs = performance.now() - s0;
  console.error(`scale 30 -> 60: Running after ${round(scaleMs, 0)} ms`);
  await removeService(c, via, 'c30');
  return { ms, floorMs, scaleMs };
}

async function removeService(c: LabCluster, via: string, name: string): Promise<void> {
  await shoalOk(c, via, ['service', 'rm', name]);
  await waitFor(
    `${name} containers gone`,
    async () => {
      let n = 0;
      for (const h of c.lab.hosts) {
        if (!dockerdPid(h)) continue;
        const docker = new Docker({ socketPath: hostDockerSocket(h) });
        n += (await docker.listContainers({ all: true, filters: { label: [`shoal.service.name=${name}`] } }))
          .length;
      }
      return n === 0;
    },
    120_000,
    250,
  );
}

async function workerLoss(c: LabCluster, p: Poller, via: string, image: string) {
  const { id } = await converge(c, p, via, 'loss', 30, image);
  const ids = new Map((await p.nodes()).map((n) => [n.description?.hostname ?? '', n.id]));
  const tasks = new ServiceTaskWatch(hostShoalSocket(c.host(via)), id);
  await tasks.until('loss: the watch caught up', ({ running }) => running === 30, 10_000);
  const before = tasks.progress();
  // The worker with the most tasks of the service.
  const victim = c.workers
    .map((w) => ({ w, n: before.byNode.get(ids.get(w) ?? '') ?? 0 }))
    .sort((a, b) => b.n - a.n)[0].w;
  const victimId = ids.get(victim)!;
  const onVictim = before.byNode.get(victimId) ?? 0;
  await settle();
  const containers = await c.killHost(victim);
  const killedAt = performance.now();
  let downMs = NaN;
  const downWatch = waitFor(
    `${victim} Down`,
    async () => (await p.nodes()).find((n) => n.id === victimId)?.status?.state === 'DOWN',
    60_000,
    POLL_MS,
  ).then(() => (downMs = performance.now() - killedAt));
  await tasks
    .until(
      'loss: 30 running on the other hosts',
      (now) => now.running === 30 && !now.byNode.has(victimId) && new Set(now.slots).size === 30,
      120_000,
    )
    .finally(() => tasks.close());
  const lossMs = performance.now() - killedAt;
  await downWatch;
  console.error(
    `worker loss: ${victim} (${onVictim} tasks, ${containers} container processes killed) -> node Down ${round(downMs, 0)} ms, 30/30 Running elsewhere ${round(lossMs, 0)} ms`,
  );
  return { lossMs, downMs, onVictim };
}

async function swarmConverge30(replicas: number): Promise<{ ms: number; floorMs: number; scaleMs: number }> {
  const name = `bcs${Math.random().toString(36).slice(2, 5)}`;
  console.error(`swarm lab ${name}: 3 managers + 2 workers`);
  const lab: LabState = await labUp({ name, managers: 3, workers: 2 });
  try {
    await swarmInit(lab);
    const image = `${lab.registry}/lab/app:1`;
    await sleep(2000); // let the swarm settle (gossip, certificates) before timing it
    const floorMs = await directStart(lab.hosts, replicas, image);
    const { ms, scaleMs } = await swarmConverge(lab.hosts[0], replicas, image, POLL_MS, 2 * replicas);
    console.error(
      `swarm: ${replicas} replicas Running ${round(ms, 0)} ms; floor on its lab ${round(floorMs, 0)} ms (${round(ms / floorMs, 2)}x); scale ${replicas} -> ${2 * replicas} ${round(scaleMs!, 0)} ms`,
    );
    return { ms, floorMs, scaleMs: scaleMs! };
  } finally {
    await labDown(name);
  }
}

/** Copies the hosts' shoald and dockerd logs out of the lab, which goes with the sweep. */
function keepLogs(lab: LabState, name: string): void {
  const keep = fs.mkdtempSync(path.join(os.tmpdir(), `bench-converge-${name}-`));
  for (const h of lab.hosts)
    for (const log of ['shoald.log', 'dockerd.log'])
      try {
        fs.copyFileSync(path.join(h.dir, 'var-log', log), path.join(keep, `${h.host}-${log}`));
      } catch {
        /* not there */
      }
  console.error(`host logs kept in ${keep}`);
}

export async function run(args: string[]): Promise<Figures> {
  const vsSwarm = args.includes('--vs-swarm');
  createFlags = args.includes('--tag-only') ? ['--no-resolve-image'] : [];
  const name = `bc${Math.random().toString(36).slice(2, 5)}`;
  const t0 = Date.now();
  const lab = await labUp({ name, managers: 3, workers: 2, log: (l) => console.error(l) });
  console.error(`lab ${name} ready in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  const c = new LabCluster(lab);
  const figures: Figures = {};
  let poller: Poller | undefined; // on the leader, once the cluster is formed
  try {
    await c.form();
    await waitFor(
      '5 ready nodes',
      () => {
        const n = c.nodes(c.managers[0]);
        return n.length === 5 && n.every((x) => x.Status === 'Ready');
      },
      60_000,
      250,
    );
    await sleep(1000);
    const image = `${lab.registry}/lab/app:1`;
    // The CLI and the poller talk to the leader, as bench/reference does with Swarm's (the
    // manager it was initialised on): the same path for both, no forwarding hop for either.
    const via = c.leaderHost(c.managers[0]) ?? c.managers[0];
    const p = (poller = new Poller(c, via));
    // A CLI write with no work behind it, to read the converge times against.
    const cliStart = performance.now();
    await shoalOk(c, via, ['node', 'update', '--label-add', 'bench=1', via]);
    const cliMs = performance.now() - cliStart;

    const c30 = args.includes('--skip-30') ? null : await converge30(c, p, via, image, cliMs);

    let ratio100: number | null = null;
    if (!args.includes('--skip-100')) {
      const floor100 = await floor(c, 100, image);
      const c100 = await converge(c, p, via, 'c100', 100, image);
      ratio100 = c100.ms / floor100;
      console.error(
        `100 replicas: Running after ${round(c100.ms, 0)} ms; floor ${round(floor100, 0)} ms -> ${round(ratio100, 2)}x`,
      );
      figures.converge100_ms = round(c100.ms, 0);
      figures.floor100_ms = round(floor100, 0);
      await removeService(c, via, 'c100');
    }
    let loss: { lossMs: number; downMs: number } | null = null;
    if (!args.includes('--skip-loss')) loss = await workerLoss(c, p, via, image);

    Object.assign(figures, {
      converge30_ms: c30 ? round(c30.ms, 0) : null,
      floor30_ms: c30 ? round(c30.floorMs, 0) : null,
      converge30_ratio: c30 ? round(c30.ms / c30.floorMs, 2) : null,
      converge100_ratio: ratio100 === null ? null : round(ratio100, 2),
      scale30to60_ms: c30 ? round(c30.scaleMs, 0) : null,
      worker_loss_ms: loss ? round(loss.lossMs, 0) : null,
      worker_down_ms: loss ? round(loss.downMs, 0) : null,
      cli_write_ms: round(cliMs, 0),
    });
    if (args.includes('--keep-logs')) keepLogs(lab, name);
  } catch (err) {
    keepLogs(lab, name);
    throw err;
  } finally {
    poller?.close();
    await sweepLab(name);
  }
  if (vsSwarm) {
    const s = await swarmConverge30(30);
    figures.swarm_converge30_ms = round(s.ms, 0);
    figures.swarm_floor30_ms = round(s.floorMs, 0);
    figures.swarm_converge30_ratio = round(s.ms / s.floorMs, 2);
    figures.swarm_scale30to60_ms = round(s.scaleMs, 0);
  } else figures.swarm_converge30_ms = null;
  return figures;
}
