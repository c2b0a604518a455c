#!/usr/bin/env node
// shoal: the command-line interface. Every command has docker's shape: tables by
// default, --format json or a template, -q for ids.
import { Command } from 'commander';
import { groupsFor } from './command-groups';
import { VERSION } from './version';

async function main(): Promise<void> {
  const program = new Command('shoal')
    .description('a Swarm-mode cluster manager for Docker hosts')
    .version(VERSION);
  for (const g of groupsFor(process.argv.slice(2))) for (const c of await g.load()) program.addCommand(c);
  await program.parseAsync();
}

main().catch((err: Error) => {
  process.stderr.write(`Error: ${err.message}\n`);
  process.exit(1);
});
