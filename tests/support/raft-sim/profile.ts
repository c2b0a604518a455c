// Everything about a run that is chosen from its seed, so one seed covers one mix of
// cluster size, core options, network quality and fault kinds.
import { CoreOptions, CrashLoss } from './sim-node';
import { NetworkOptions } from './network';
import { Prng } from './prng';
import { ReadPath } from './protocol';

export type PartitionKind = 'split' | 'isolate' | 'asymmetric' | 'bridge';

export interface Profile {
  nodes: number;
  core: CoreOptions;
  network: NetworkOptions;
  // Simulated time units per core tick; message delays are in units.
  tickUnits: number;
  chaosTicks: number;
  // Mean ticks between fault events in the chaos phase (0: no faults).
  faultEveryTicks: number;
  partitions: PartitionKind[];
  crashes: boolean;
  crashLoss: CrashLoss[];
  // Most nodes down at once, and how long a crashed node stays down (ticks).
  maxDown: number;
  downTicks: [number, number];
  transfers: boolean;
  // Membership changes during chaos, keeping at most maxMembers non-retired nodes.
  membership: boolean;
  maxMembers: number;
  maxFsyncDelay: number;
  clients: number;
  keys: string[];
  readPaths: ReadPath[];
  snapshotEvery: number;
  compactionLag: number;
}

export function chooseProfile(prng: Prng): Profile {
  const nodes = prng.chance(0.7) ? 3 : 5;
  const calm = prng.chance(0.15);
  const partitions = (['split', 'isolate', 'asymmetric', 'bridge'] as const).filter(() => prng.chance(0.6));
  return {
    nodes,
    core: {
      electionTick: 10,
      heartbeatTick: prng.pick([1, 2, 3]),
      preVote: prng.chance(0.5),
      checkQuorum: prng.chance(0.5),
      maxInflightMsgs: prng.pick([1, 4, 256]),
      maxSizePerMsg: prng.pick([1, 200, 1 << 20]),
    },
    network: {
      dropRate: calm ? 0 : prng.pick([0, 0.01, 0.05, 0.15]),
      duplicateRate: calm ? 0 : prng.pick([0, 0.02, 0.1]),
      minDelay: 1,
      maxDelay: prng.pick([2, 5, 10]),
      slowRate: calm ? 0 : prng.pick([0, 0.02, 0.05]),
      slowDelay: prng.int(20, 80),
    },
    tickUnits: 10,
    chaosTicks: prng.int(150, 350),
    faultEveryTicks: calm ? 0 : prng.int(15, 60),
    partitions,
    crashes: prng.chance(0.6),
    crashLoss: (['lose', 'keep', 'torn'] as const).filter(() => prng.chance(0.6)).concat(['lose']),
    maxDown: prng.int(1, nodes),
    downTicks: [1, prng.pick([10, 40])],
    transfers: prng.chance(0.3),
    membership: prng.chance(0.3),
    maxMembers: nodes + 2,
    maxFsyncDelay: prng.pick([0, 0, 3, 8]),
    clients: prng.int(2, 4),
    keys: prng.chance(0.5) ? ['a'] : ['a', 'b', 'c'],
    readPaths: prng.pick<ReadPath[]>([['log'], ['readIndex'], ['log', 'readIndex']]),
    snapshotEvery: prng.pick([0, 0, 5, 20]),
    compactionLag: prng.pick([0, 2, 10]),
  };
}

export function describeProfile(p: Profile): string {
  const c = p.core;
  const n = p.network;
  return [
    `${p.nodes} nodes, hb=${c.heartbeatTick} preVote=${c.preVote} checkQuorum=${c.checkQuorum} inflight=${c.maxInflightMsgs} maxSize=${c.maxSizePerMsg}`,
    `net drop=${n.dropRate} dup=${n.duplicateRate} delay=${n.minDelay}-${n.maxDelay} slow=${n.slowRate}@${n.slowDelay}`,
    `chaos ${p.chaosTicks} ticks, fault every ~${p.faultEveryTicks} ticks: partitions=[${p.partitions}] crashes=${p.crashes} loss=[${p.crashLoss}] transfers=${p.transfers} membership=${p.membership} fsyncDelay<=${p.maxFsyncDelay}`,
    `${p.clients} clients on keys [${p.keys}] reads via [${p.readPaths}], snapshot every ${p.snapshotEvery} (lag ${p.compactionLag})`,
  ].join('\n');
}
