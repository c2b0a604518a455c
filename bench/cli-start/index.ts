// CLI start: wall time of `node dist/cli/shoal.js` as a user runs it, for `--version`
// (process start, module loading, argument parsing) and for `service ls` against a
// socket that does not exist (the same plus the contract and the call, failing at once on
// connect). Every `shoal service create` the converge benchmark times pays this start,
// and docker's Go CLI starts in ~50 ms.
//
// `--compare DIST_DIR` times a second build in the same loop, runs interleaved, so that a
// shared, noisy machine weighs on both alike: a copy of an older dist/ laid out as in the
// repo (node_modules, package.json and proto/*.proto next to it), else it fails early.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import type { Figures } from '../run';
import { median, percentile, round } from '../stats';

export const description = 'start time of the shoal CLI: --version, and service ls against a missing socket';

const MISSING_SOCKET = '/nonexistent/shoald.sock';

/** Each command with its exit code and what its output must hold, so a build that fails early is not timed. */
const COMMANDS: Record<string, { argv: string[]; code: number; says: string }> = {
  version: { argv: ['--version'], code: 0, says: '.' },
  service_ls: {
    argv: ['service', 'ls', '--socket', MISSING_SOCKET],
    code: 1,
    says: `ENOENT ${MISSING_SOCKET}`,
  },
};

function usage(): never {
  throw new Error('usage: npm run bench -- cli-start [--runs N] [--compare DIST_DIR]');
}

function parseArgs(args: string[]): { runs: number; compare?: string } {
  let runs = 11;
  let compare: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const value = args[i + 1];
    if (args[i] === '--runs' && value && /^[1-9]\d*$/.test(value)) runs = Number(args[++i]);
    else if (args[i] === '--compare' && value) compare = args[++i];
    else usage();
  }
  return { runs, compare };
}

/** Milliseconds from spawn to exit of one CLI run. */
function timeOnce(cli: string, c: { argv: string[]; code: number; says: string }): number {
  const started = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [cli, ...c.argv], { encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (r.error) throw r.error;
  if (r.status !== c.code || !`${r.stdout}${r.stderr}`.includes(c.says))
    throw new Error(
      `${cli} ${c.argv.join(' ')} exited ${r.status}, not ${c.code} saying "${c.says}": ${r.stderr}`,
    );
  return ms;
}

export async function run(args: string[]): Promise<Figures> {
  const { runs, compare } = parseArgs(args);
  const builds: Record<string, string> = { '': path.join(__dirname, '..', '..', 'cli', 'shoal.js') };
  if (compare) {
    const cli = path.resolve(compare, 'cli', 'shoal.js');
    if (!fs.existsSync(cli)) throw new Error(`--compare: no cli/shoal.js in ${compare}`);
    builds['compare_'] = cli;
  }
  const samples = new Map<string, number[]>();
  for (let i = 0; i < runs; i++) {
    for (const [name, command] of Object.entries(COMMANDS)) {
      for (const [prefix, cli] of Object.entries(builds)) {
        const key = `${prefix}${name}`;
        samples.set(key, [...(samples.get(key) ?? []), timeOnce(cli, command)]);
      }
    }
    process.stderr.write(`run ${i + 1}/${runs}\n`);
  }
  const figures: Figures = { runs };
  for (const [key, ms] of samples) {
    figures[`${key}_median_ms`] = round(median(ms), 0);
    figures[`${key}_p90_ms`] = round(percentile(ms, 90), 0);
    console.log(`${key}: median ${median(ms).toFixed(0)} ms over ${ms.length} runs`);
  }
  return figures;
}
