// What shoal's figures are measured against, shared by the lab benchmarks: the floor
// (the same containers started directly with dockerode) and Docker Swarm on a lab.
import Docker from 'dockerode';
import * as fs from 'fs';
import { hostDockerSocket } from '../deploy/lab/lab';
import type { LabHost } from '../deploy/lab/state';
import { dockerOn } from '../deploy/lab/swarm-reference';
import { waitFor } from '../deploy/sys';

/** The machine's CPU time so far (all cores, seconds) from /proc/stat, by kind. */
export function machineCpu(): { busy: number; idle: number; steal: number } {
  const f = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0].split(/\s+/).slice(1).map(Number);
  return {
    busy: (f[0] + f[1] + f[2] + f[5] + f[6]) / 100, // user nice system irq softirq
    idle: (f[3] + f[4]) / 100, // idle, iowait
    steal: f[7] / 100, // time the hypervisor gave to other VMs: run-to-run noise not ours
  };
}

/** Busy share of the whole machine (all cores) over `ms`. */
async function machineBusy(ms: number): Promise<number> {
  const a = machineCpu();
  await new Promise((r) => setTimeout(r, ms));
  const b = machineCpu();
  const total = b.busy + b.idle + b.steal - (a.busy + a.idle + a.steal);
  return total <= 0 ? 0 : (b.busy - a.busy) / total;
}

/**
 * Waits (at most 20 s) until less than 15% of the machine is busy over half a second, so
 * that a timed phase does not inherit the previous one's tear-down: removing containers
 * leaves dockerd, containerd and the kernel (network namespaces) busy for seconds. Every
 * timed phase of shoal and of Swarm starts with it.
 */
export async function settle(): Promise<void> {
  const t0 = performance.now();
  while (performance.now() - t0 < 20_000 && (await machineBusy(500)) >= 0.15);
}

/**
 * The floor: `replicas` containers created and started with dockerode, spread over the
 * hosts in parallel. `watch` is told when the timed part begins and ends (the removal
 * after it is not timed), e.g. to read CPU counters over exactly that span.
 */
export async function directStart(
  hosts: LabHost[],
  replicas: number,
  image: string,
  watch?: { begin(): void; end(elapsedMs: number): void },
): Promise<number> {
  await settle();
  watch?.begin();
  const started = performance.now();
  const containers = await Promise.all(
    Array.from({ length: replicas }, async (_, i) => {
      const docker = new Docker({ socketPath: hostDockerSocket(hosts[i % hosts.length]) });
      const c = await docker.createContainer({ Image: image, name: `floor-${replicas}-${i}` });
      await c.start();
      return c;
    }),
  );
  const elapsed = performance.now() - started;
  watch?.end(elapsed);
  await Promise.all(containers.map((c) => c.remove({ force: true })));
  return elapsed;
}

/**
 * Polls the manager's API (as `docker service ls` does for its REPLICAS column) until the
 * service has `n` tasks running. One dockerode client, no CLI process per poll: the
 * poller shares the 2 cores with what it measures, so it must cost little, and costs
 * about what shoal's poller does (one kept-open connection, one list call).
 */
async function swarmRunning(manager: LabHost, name: string, n: number, pollMs: number): Promise<void> {
  const docker = new Docker({ socketPath: hostDockerSocket(manager) });
  await waitFor(
    `${n} swarm replicas running`,
    async () => {
      const services = (await docker.listServices({
        filters: { name: [name] },
        status: true,
      } as Docker.ServiceListOptions)) as (Docker.Service & { ServiceStatus?: { RunningTasks: number } })[];
      const s = services.find((x) => x.Spec?.Name === name);
      return s?.ServiceStatus?.RunningTasks === n;
    },
    120_000,
    pollMs,
  );
}

/**
 * Docker Swarm: `service create` until `service ls` shows all replicas running, then (with
 * `scaleTo`) `service scale` until the new count runs; the service is removed after.
 */
export async function swarmConverge(
  manager: LabHost,
  replicas: number,
  image: string,
  pollMs = 50,
  scaleTo?: number,
): Promise<{ ms: number; scaleMs?: number }> {
  await settle();
  const started = performance.now();
  await dockerOn(manager, [
    'service',
    'create',
    '--detach',
    '--name',
    'web',
    '--replicas',
    String(replicas),
    image,
  ]);
  await swarmRunning(manager, 'web', replicas, pollMs);
  const ms = performance.now() - started;
  let scaleMs: number | undefined;
  if (scaleTo !== undefined) {
    await settle();
    const s0 = performance.now();
    await dockerOn(manager, ['service', 'scale', '--detach', `web=${scaleTo}`]);
    await swarmRunning(manager, 'web', scaleTo, pollMs);
    scaleMs = performance.now() - s0;
  }
  await dockerOn(manager, ['service', 'rm', 'web']);
  return { ms, scaleMs };
}
