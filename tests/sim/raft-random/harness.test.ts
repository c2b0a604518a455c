// The simulator must be able to fail: with a deliberately broken node some seeds must
// end in a safety violation or a non-linearizable history. If these pass vacuously,
// the real runs prove nothing.
import { checkOperations, kvModel } from '../../support/linearizability';
import { InvariantViolation } from '../../support/raft-sim/invariants';
import { Profile } from '../../support/raft-sim/profile';
import { Sabotage } from '../../support/raft-sim/sim-node';
import { runSimulation, SimulationFailure } from '../../support/raft-sim/simulation';

function crashHeavy(p: Profile): void {
  p.nodes = 3;
  p.crashes = true;
  p.crashLoss = ['lose'];
  p.maxDown = 1;
  p.downTicks = [1, 15];
  p.faultEveryTicks = 5;
  p.partitions = ['isolate', 'split'];
  p.network.dropRate = 0.05;
}

function partitioned(p: Profile): void {
  p.faultEveryTicks = 10;
  p.partitions = ['isolate', 'split'];
}

function duplicating(p: Profile): void {
  p.network.duplicateRate = 0.1;
  p.faultEveryTicks = 10;
  p.crashes = true;
}

function detections(sabotage: Sabotage, adjust: (p: Profile) => void, seeds: number) {
  const detected: number[] = [];
  const kinds = new Set<string>();
  for (let seed = 1; seed <= seeds; seed++) {
    try {
      const result = runSimulation(seed, { sabotage, adjust });
      if (checkOperations(kvModel, result.history, { maxSteps: 200_000 }).result === 'illegal') {
        detected.push(seed);
        kinds.add('not linearizable');
      }
    } catch (e) {
      if (!(e instanceof SimulationFailure)) throw e;
      // A crash of the harness or the core is not a detection; only checked properties count.
      if (!(e.cause instanceof InvariantViolation)) throw e;
      detected.push(seed);
      kinds.add(e.cause.message.split(':')[0]);
    }
  }
  return { detected, kinds };
}

describe('the simulator catches deliberately broken nodes', () => {
  test.each<[Sabotage, (p: Profile) => void, number]>([
    ['local-reads', partitioned, 30],
    ['no-sessions', duplicating, 20],
    ['grant-every-vote', crashHeavy, 20],
  ])('%s is detected in some seeds', (sabotage, adjust, seeds) => {
    const { detected, kinds } = detections(sabotage, adjust, seeds);
    process.stdout.write(
      `${sabotage}: detected by ${detected.length}/${seeds} seeds (${detected.slice(0, 10)}) as ${[...kinds].join('; ')}\n`,
    );
    expect(detected.length).toBeGreaterThan(0);
  });

  test('the same profiles without sabotage pass', () => {
    for (const adjust of [partitioned, duplicating, crashHeavy])
      expect(detections('none', adjust, 20).detected).toEqual([]);
  });
});
