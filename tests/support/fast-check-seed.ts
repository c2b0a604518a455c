// Property tests in CI must be reproducible: fast-check draws from one fixed seed unless
// FC_SEED says otherwise (FC_SEED=random for a fresh seed, printed so a failure can be
// replayed with FC_SEED=<n>). A random seed once made a linearizability property run
// for many minutes (pending operations make the search exponential).
import fc from 'fast-check';

const requested = process.env.FC_SEED;
const seed =
  requested === 'random' ? Date.now() ^ (Math.random() * 0x7fffffff) : Number(requested ?? 20261122);
if (!Number.isSafeInteger(seed))
  throw new Error(`FC_SEED must be an integer or "random", got "${requested}"`);
if (requested === 'random') console.log(`fast-check seed: ${seed} (replay with FC_SEED=${seed})`);
fc.configureGlobal({ seed });
