// Randomized simulation of the raft core: every seed picks a cluster, network and
// fault mix (see tests/support/raft-sim/profile.ts), checks the safety invariants at
// every event, progress after healing, and linearizability of the client history.
//
//   RAFT_SIM_SEED=1234 npx jest tests/sim/raft-random      one seed, full message trace
//   RAFT_SIM_SEEDS=20000 RAFT_SIM_SEED_START=5000 npx jest tests/sim/raft-random
import { checkOperations, describeReport, kvModel } from '../../support/linearizability';
import { runSimulation, SimulationFailure, SimulationResult } from '../../support/raft-sim/simulation';

const SINGLE = process.env.RAFT_SIM_SEED;
const SEEDS = Number(process.env.RAFT_SIM_SEEDS ?? 2000);
const START = Number(process.env.RAFT_SIM_SEED_START ?? 1);
const BATCH = 50;
// Per-history budget: a history too tangled to decide in this many steps counts as
// unknown, which is reported but not a failure.
const CHECK_STEPS = 300_000;

function checkSeed(seed: number, verbose: boolean): { result: SimulationResult; linearizable: string } {
  const result = runSimulation(seed, {
    traceMessages: verbose,
    snapshotOnConfChange: process.env.RAFT_SIM_NO_CONF_SNAPSHOT !== '1',
    traceCapacity: verbose ? Number(process.env.RAFT_SIM_TRACE ?? 3000) : 400,
  });
  const report = checkOperations(kvModel, result.history, { maxSteps: CHECK_STEPS, timeoutMs: 20_000 });
  if (report.result === 'illegal') {
    throw new SimulationFailure(
      seed,
      new Error(`client history is not linearizable:\n${describeReport(kvModel, report)}`),
      result.trace,
      JSON.stringify(result.profile),
    );
  }
  return { result, linearizable: report.result };
}

if (SINGLE !== undefined) {
  test(`raft simulation, seed ${SINGLE}`, () => {
    const { result, linearizable } = checkSeed(Number(SINGLE), true);
    process.stdout.write(`${JSON.stringify(result.stats)} linearizable=${linearizable}\n`);
  });
} else {
  const batches: [number, number][] = [];
  for (let from = START; from < START + SEEDS; from += BATCH)
    batches.push([from, Math.min(from + BATCH, START + SEEDS)]);
  const totals = { seeds: 0, unknown: 0, ops: 0, completed: 0, crashes: 0, partitions: 0, leaders: 0 };

  test.each(batches)('raft simulation seeds [%i, %i)', (from, to) => {
    const failures: SimulationFailure[] = [];
    for (let seed = from; seed < to; seed++) {
      try {
        const { result, linearizable } = checkSeed(seed, false);
        totals.seeds++;
        if (linearizable === 'unknown') totals.unknown++;
        totals.ops += result.stats.clientOps;
        totals.completed += result.stats.clientCompleted;
        totals.crashes += result.stats.crashes;
        totals.partitions += result.stats.partitions;
        totals.leaders += result.stats.leaders;
      } catch (e) {
        if (e instanceof SimulationFailure) failures.push(e);
        else throw e;
      }
    }
    if (failures.length > 0) {
      const seeds = failures.map((f) => f.seed).join(', ');
      throw new Error(`failing seeds: ${seeds}\n\n${failures[0].message}`);
    }
  });

  afterAll(() => {
    process.stdout.write(`raft simulation totals: ${JSON.stringify(totals)}\n`);
  });
}
