// bench/failover: on a lab of 3 managers + 2 workers (real shoald processes formed into
// a cluster through the CLI), kill -9 the leader's shoald again and again and time how
// long until the next `shoal node update` run on a surviving manager is accepted (the
// CLI process included); also how long until a killed worker shows Down.
// Usage: npm run bench -- failover [--kills N] [--worker-kills N] [--lab NAME]
import { labUp, hostShoalSocket } from '../../deploy/lab/lab';
import { sweepLab } from '../../deploy/lab/sweeper';
import { readState } from '../../deploy/lab/state';
import { control } from '../../cli/control-client';
import type { ListNodesResponse__Output } from '../../proto/gen/shoal/api/ListNodesResponse';
import { LabCluster, sleep, waitFor } from '../../tests/support/lab-cluster';
import { percentile, median, round } from '../stats';
import type { Figures } from '../run';
import { measureSwarmFailover } from '../swarm';

export const description = 'leader kill -9 -> next accepted CLI write; worker kill -9 -> node Down';

function flag(args: string[], name: string, fallback: number): number {
  const i = args.indexOf(name);
  if (i < 0) return fallback;
  const v = Number(args[i + 1]);
  if (!Number.isInteger(v) || v < 1)
    throw new Error(`${name} must be a positive integer, got "${args[i + 1]}"`);
  return v;
}

async function statusOf(c: LabCluster, via: string, hostname: string): Promise<string> {
  const res = await control<ListNodesResponse__Output>(
    { socket: hostShoalSocket(c.host(via)), tlsDir: '' },
    'ListNodes',
    { filters: { common: { names: [hostname] } } },
  );
  return res.nodes.map((n) => n.status?.state ?? '').join(',');
}

async function healthy(c: LabCluster): Promise<void> {
  await waitFor(
    'all 5 nodes Ready with a leader and 2 reachable managers',
    () => {
      const r = c.nodes(c.managers[0]);
      return (
        r.length === 5 &&
        r.every((n) => n.Status === 'Ready') &&
        r.filter((n) => n.ManagerStatus === 'Leader').length === 1 &&
        r.filter((n) => n.ManagerStatus === 'Reachable').length === 2
      );
    },
    30_000,
    250,
  );
}

export async function run(args: string[]): Promise<Figures> {
  const figures = await measureShoal(args);
  if (!args.includes('--vs-swarm')) return figures;
  // The same kills on Docker Swarm, on a lab of its own after shoal's is gone.
  const swarm = await measureSwarmFailover(Number(figures.kills));
  const swarmP50 = round(percentile(swarm.failovers, 50), 0);
  return {
    ...figures,
    swarm_failover_p50_ms: swarmP50,
    swarm_failover_p99_ms: round(percentile(swarm.failovers, 99), 0),
    swarm_node_down_ms: round(swarm.nodeDownMs, 0),
    swarm_vs_shoal_failover_p50: round(swarmP50 / Number(figures.failover_p50_ms), 1),
  };
}

async function measureShoal(args: string[]): Promise<Figures> {
  const kills = flag(args, '--kills', 10);
  const workerKills = flag(args, '--worker-kills', 3);
  const existing = args.includes('--lab') ? args[args.indexOf('--lab') + 1] : undefined;
  const name = existing ?? `bf${Math.random().toString(36).slice(2, 5)}`;
  const started = Date.now();
  const lab = existing
    ? readState(name)
    : await labUp({ name, managers: 3, workers: 2, log: (l) => console.error(l) });
  if (!lab) throw new Error(`--lab: no lab named ${name}`);
  console.error(`lab ${name} ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  const c = new LabCluster(lab);
  try {
    await c.form();
    await healthy(c);
    // What one CLI write costs with no failure (process start included), to read the rest against.
    const baseline: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t = Date.now();
      const r = await c.shoalAsync(c.managers[1], [
        'node',
        'update',
        '--label-add',
        `baseline=${i}`,
        c.managers[1],
      ]);
      if (r.code !== 0) throw new Error(`baseline write failed: ${r.stderr}`);
      baseline.push(Date.now() - t);
    }
    const failovers: number[] = [];
    const leaderDown: number[] = [];
    for (let i = 0; i < kills; i++) {
      const leader = c.leaderHost(
        c.managers[0] === c.leaderHost(c.managers[0]) ? c.managers[1] : c.managers[0],
      )!;
      const survivor = c.managers.find((m) => m !== leader)!;
      c.kill9(leader);
      const killedAt = Date.now();
      let attempts = 0;
      for (;;) {
        attempts++;
        const r = await c.shoalAsync(survivor, ['node', 'update', '--label-add', `kill=${i}`, survivor]);
        if (r.code === 0) break;
        if (Date.now() - killedAt > 30_000)
          throw new Error(`no write accepted 30 s after the kill: ${r.stderr}`);
      }
      const ms = Date.now() - killedAt;
      failovers.push(ms);
      await waitFor(
        `${leader} Down`,
        async () => (await statusOf(c, survivor, leader)) === 'DOWN',
        20_000,
        50,
      );
      leaderDown.push(Date.now() - killedAt);
      console.error(
        `kill ${i + 1}/${kills}: leader ${leader} -> write on ${survivor} accepted after ${ms} ms (${attempts} CLI run${attempts > 1 ? 's' : ''}); Down after ${leaderDown[i]} ms`,
      );
      await c.restart(leader);
      await healthy(c);
      await sleep(500);
    }
    const workerDown: number[] = [];
    for (let i = 0; i < workerKills; i++) {
      const w = c.workers[i % c.workers.length];
      const via = c.managers[0];
      c.kill9(w);
      const killedAt = Date.now();
      await waitFor(`${w} Down`, async () => (await statusOf(c, via, w)) === 'DOWN', 20_000, 25);
      workerDown.push(Date.now() - killedAt);
      console.error(`worker ${w} killed: Down after ${workerDown[i]} ms`);
      await c.restart(w);
      await healthy(c);
    }
    return {
      failover_p50_ms: round(percentile(failovers, 50), 0),
      failover_p99_ms: round(percentile(failovers, 99), 0),
      failover_max_ms: Math.max(...failovers),
      node_down_ms: round(median(workerDown), 0),
      node_down_max_ms: Math.max(...workerDown),
      leader_down_p50_ms: round(median(leaderDown), 0),
      cli_write_baseline_ms: round(median(baseline), 0),
      kills,
      swarm_failover_p50_ms: null,
    };
  } finally {
    if (!existing) await sweepLab(name);
  }
}
