// `npm run bench -- NAME [args...]` runs bench/NAME. A benchmark module exports
// `run(args): Promise<Record<string, number | string | null>>`, prints its own
// readable figures while it runs, and returns the figures; this runner prints them
// as a table and ends with exactly one JSON line, which scripts read.
import * as fs from 'fs';
import * as path from 'path';

export type Figures = Record<string, number | string | boolean | null>;
export interface Benchmark {
  description: string;
  run(args: string[]): Promise<Figures>;
}

// Modules in bench/ that are shared helpers, not benchmarks.
const NOT_BENCHMARKS = new Set(['run', 'stats', 'reference']);

function available(): string[] {
  return fs
    .readdirSync(__dirname, { withFileTypes: true })
    .filter((d) => d.isDirectory() || d.name.endsWith('.js'))
    .map((d) => d.name.replace(/\.js$/, ''))
    .filter((n) => !NOT_BENCHMARKS.has(n) && !n.startsWith('_'));
}

async function main(): Promise<void> {
  const [name, ...args] = process.argv.slice(2);
  if (!name || name === '--help') {
    console.error(`usage: npm run bench -- NAME [args]\nbenchmarks: ${available().join(', ') || '(none)'}`);
    process.exit(name ? 0 : 2);
  }
  if (!/^[a-z0-9-]+$/.test(name) || !available().includes(name)) {
    console.error(`unknown benchmark "${name}"; benchmarks: ${available().join(', ')}`);
    process.exit(2);
  }
  const mod = require(path.join(__dirname, name)) as Benchmark;
  const started = Date.now();
  const figures = await mod.run(args);
  const width = Math.max(...Object.keys(figures).map((k) => k.length));
  console.log(`\n${name}: ${mod.description} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  for (const [k, v] of Object.entries(figures)) console.log(`  ${k.padEnd(width)}  ${v}`);
  console.log(JSON.stringify(figures));
}

main().catch((err) => {
  console.error(err instanceof Error ? err.stack : err);
  process.exit(1);
});
