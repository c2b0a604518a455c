// The reference: Docker Swarm mode (the hosts' own dockerd) on a lab of this machine,
// measured the way shoal's benchmarks measure shoal, so the figures sit side by side.
//   npm run bench -- swarm [--kills 10] [--replicas 30] [--keep]
import { labDown, labUp } from '../../deploy/lab/lab';
import { LabHost, LabState } from '../../deploy/lab/state';
import {
  dockerOn,
  firstSuccessfulWrite,
  killDockerd,
  restartDockerd,
  swarmInit,
  swarmNodes,
} from '../../deploy/lab/swarm-reference';
import { sleep, waitFor } from '../../deploy/sys';
import { directStart, swarmConverge } from '../reference';
import type { Figures } from '../run';
import { median, percentile, round } from '../stats';

export const description = 'Docker Swarm on the lab: converge, leader failover, node down';

function flag(args: string[], name: string, fallback: number): number {
  const i = args.indexOf(name);
  if (i < 0) return fallback;
  const v = Number(args[i + 1]);
  if (!Number.isInteger(v) || v <= 0)
    throw new Error(`${name} must be a positive integer, got "${args[i + 1]}"`);
  return v;
}

async function leaderOf(lab: LabState, via: LabHost[]): Promise<LabHost> {
  for (const h of via) {
    try {
      const leader = (await swarmNodes(h)).find((n) => n.managerStatus === 'Leader');
      if (leader) return lab.hosts.find((x) => x.host === leader.hostname)!;
    } catch {
      /* try the next manager */
    }
  }
  throw new Error('no swarm leader found');
}

async function failover(lab: LabState, kill: number): Promise<number> {
  const managers = lab.hosts.filter((h) => h.role === 'manager');
  const leader = await leaderOf(lab, managers);
  const survivors = managers.filter((m) => m !== leader);
  const killedAt = killDockerd(leader);
  const wroteAt = await firstSuccessfulWrite(
    survivors,
    (h) => dockerOn(h, ['node', 'update', '--label-add', `bench.kill=${kill}`, h.host], 3000),
    120_000,
  );
  await restartDockerd(lab, leader);
  await waitFor(
    `${leader.host} back as a reachable manager`,
    async () => {
      const nodes = await swarmNodes(survivors[0]).catch(() => []);
      return nodes.some(
        (n) => n.hostname === leader.host && n.status === 'Ready' && n.managerStatus === 'Reachable',
      );
    },
    120_000,
    200,
  );
  return wroteAt - killedAt;
}

async function nodeDown(lab: LabState): Promise<number> {
  const worker = lab.hosts.find((h) => h.role === 'worker');
  const manager = lab.hosts.find((h) => h.role === 'manager')!;
  if (!worker) return NaN;
  const killedAt = killDockerd(worker);
  await waitFor(
    `${worker.host} shown Down`,
    async () =>
      (await swarmNodes(manager).catch(() => [])).some(
        (n) => n.hostname === worker.host && n.status === 'Down',
      ),
    120_000,
    100,
  );
  const elapsed = performance.now() - killedAt;
  await restartDockerd(lab, worker);
  return elapsed;
}

/** Swarm on its own 3+2 lab: leader kill -9 to next write (`kills` times) and worker kill to Down. */
export async function measureSwarmFailover(
  kills: number,
): Promise<{ failovers: number[]; nodeDownMs: number }> {
  const name = `swf${Math.random().toString(36).slice(2, 5)}`;
  const lab = await labUp({ name, managers: 3, workers: 2 });
  try {
    await swarmInit(lab);
    await sleep(2000); // let the swarm settle (gossip, certificates) before timing it
    const failovers: number[] = [];
    for (let k = 1; k <= kills; k++) {
      failovers.push(await failover(lab, k));
      console.log(
        `swarm: kill ${k}/${kills}: leader kill -9 -> next write ${round(failovers.at(-1)!, 0)} ms`,
      );
    }
    const nodeDownMs = await nodeDown(lab);
    console.log(`swarm: worker dockerd kill -9 -> node Down ${round(nodeDownMs, 0)} ms`);
    return { failovers, nodeDownMs };
  } finally {
    await labDown(name);
  }
}

export async function run(args: string[]): Promise<Figures> {
  const kills = flag(args, '--kills', 10);
  const replicas = flag(args, '--replicas', 30);
  const name = 'swref';
  console.log(`lab "${name}": 3 managers + 2 workers`);
  const lab = await labUp({ name, managers: 3, workers: 2 });
  try {
    await swarmInit(lab);
    const image = `${lab.registry}/lab/app:1`;
    const manager = lab.hosts[0];
    await sleep(2000); // let the swarm settle (gossip, certificates) before timing it

    const floorMs = await directStart(lab.hosts, replicas, image);
    console.log(`floor: ${replicas} containers started directly with dockerode: ${round(floorMs, 0)} ms`);
    const convergeMs = (await swarmConverge(manager, replicas, image)).ms;
    console.log(
      `swarm: ${replicas} replicas running: ${round(convergeMs, 0)} ms (${round(convergeMs / floorMs, 2)}x floor)`,
    );

    const failovers: number[] = [];
    for (let k = 1; k <= kills; k++) {
      failovers.push(await failover(lab, k));
      console.log(
        `swarm: kill ${k}/${kills}: leader kill -9 -> next write ${round(failovers.at(-1)!, 0)} ms`,
      );
    }
    const downMs = await nodeDown(lab);
    console.log(`swarm: worker dockerd kill -9 -> node Down ${round(downMs, 0)} ms`);
    return {
      [`floor${replicas}_ms`]: round(floorMs, 0),
      [`swarm_converge${replicas}_ms`]: round(convergeMs, 0),
      [`swarm_converge${replicas}_ratio`]: round(convergeMs / floorMs, 2),
      swarm_failover_p50_ms: round(median(failovers), 0),
      swarm_failover_p99_ms: round(percentile(failovers, 99), 0),
      swarm_node_down_ms: round(downMs, 0),
    };
  } finally {
    if (!args.includes('--keep')) await labDown(name);
  }
}
