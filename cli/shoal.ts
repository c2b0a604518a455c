#!/usr/bin/env node
// shoal: the command-line interface. Every command has docker's shape: tables by
// default, --format json or a template, -q for ids.
import { Command } from 'commander';
import { labCommand } from './commands/lab';
import { machineCommand } from './commands/machine';
import { clusterCommands } from './commands/cluster';
import { nodeCommand } from './commands/node';
import { serviceCommand } from './commands/service';
import { DEFAULT_SOCKET, ping } from './daemon-client';
import { print } from './output';
import { VERSION } from './version';

const program = new Command('shoal')
  .description('a Swarm-mode cluster manager for Docker hosts')
  .version(VERSION);

program
  .command('ping')
  .description('check that the local shoald answers')
  .option('--socket <path>', 'shoald socket', DEFAULT_SOCKET)
  .option('-q, --quiet', 'no output, only the exit code')
  .action(async (o: { socket: string; quiet?: boolean }) => {
    const r = await ping(o.socket);
    if (!o.quiet)
      print(`shoald ${r.version} on ${r.hostname} (pid ${r.pid}, up ${r.uptimeSeconds.toFixed(0)} s)`);
  });

program.addCommand(labCommand());
program.addCommand(machineCommand());
for (const c of clusterCommands()) program.addCommand(c);
program.addCommand(nodeCommand());
program.addCommand(serviceCommand());

program.parseAsync().catch((err: Error) => {
  process.stderr.write(`Error: ${err.message}\n`);
  process.exit(1);
});
