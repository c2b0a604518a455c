// The CLI's commands by group, each group loaded only when a run asks for it.
import { Command } from 'commander';
import { DEFAULT_SOCKET } from './default-socket';

/**
 * The command groups, each loaded only when asked for: a run is one command, and loading
 * every group's modules (the lab's and the machine's deploy code, the registry client,
 * all the flag tables) cost the CLI's start ~0.1 s on the 2-core lab machine. Help and
 * unknown commands load them all, so `shoal --help` and commander's suggestions see
 * every command.
 */
export const GROUPS: Array<{ names: string[]; load: () => Promise<Command[]> }> = [
  { names: ['ping'], load: async () => [pingCommand()] },
  { names: ['lab'], load: async () => [(await import('./commands/lab')).labCommand()] },
  { names: ['machine'], load: async () => [(await import('./commands/machine')).machineCommand()] },
  {
    names: ['init', 'join', 'join-token', 'leave', 'info', 'update'],
    load: async () => (await import('./commands/cluster')).clusterCommands(),
  },
  { names: ['node'], load: async () => [(await import('./commands/node')).nodeCommand()] },
  { names: ['service'], load: async () => [(await import('./commands/service')).serviceCommand()] },
];

function pingCommand(): Command {
  return new Command('ping')
    .description('check that the local shoald answers')
    .option('--socket <path>', 'shoald socket', DEFAULT_SOCKET)
    .option('-q, --quiet', 'no output, only the exit code')
    .action(async (o: { socket: string; quiet?: boolean }) => {
      const r = await (await import('./daemon-client')).ping(o.socket);
      if (!o.quiet)
        (await import('./output')).print(
          `shoald ${r.version} on ${r.hostname} (pid ${r.pid}, up ${r.uptimeSeconds.toFixed(0)} s)`,
        );
    });
}

/** The groups a run needs: the one its first word names, none for --version, or all of them. */
export function groupsFor(argv: string[]): typeof GROUPS {
  const word = argv.find((a) => !a.startsWith('-'));
  if (word === undefined && argv.some((a) => a === '-V' || a === '--version')) return [];
  const group = GROUPS.find((g) => word !== undefined && g.names.includes(word));
  return group ? [group] : GROUPS;
}
