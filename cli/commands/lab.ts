// `shoal lab ...`: a multi-host Docker lab on this machine.
import { Command } from 'commander';
import * as fs from 'fs';
// Types only: the lab code (and ssh2 under it) loads when a lab command runs, not with
// every shoal command.
import type { DEFAULT_LAB as LabDefault, HostStatus } from '../../deploy/lab/lab';
import { listLabNames } from '../../deploy/lab/state';
import { Column, formatRows, print } from '../output';
import { intOption } from './options';

/** deploy/lab/lab's DEFAULT_LAB for the flags' defaults; the type keeps the two equal. */
const DEFAULT_LAB: typeof LabDefault = 'lab';

const loadLab = () => import('../../deploy/lab/lab');

const HOST_COLUMNS: Column<HostStatus>[] = [
  { header: 'LAB', field: 'Lab', value: (h) => h.lab },
  { header: 'HOST', field: 'Host', value: (h) => h.host },
  { header: 'ROLE', field: 'Role', value: (h) => h.role },
  { header: 'ADDRESS', field: 'Address', value: (h) => h.address },
  { header: 'STATE', field: 'State', value: (h) => h.state },
  { header: 'DOCKER', field: 'Docker', value: (h) => (h.docker ? 'up' : 'down') },
  { header: 'SHOALD', field: 'Shoald', value: (h) => (h.shoald ? 'up' : 'down') },
];

function requireRoot(): void {
  if (process.getuid?.() !== 0)
    throw new Error('the lab makes network namespaces and bridges: run it as root');
}

export function labCommand(): Command {
  const lab = new Command('lab').description(
    'several Docker hosts on this machine, each in its own namespaces',
  );

  lab
    .command('up')
    .description('create a lab: hosts with their own dockerd, sshd and shoald, and a registry')
    .option('--name <name>', 'lab name (several labs may exist at once)', DEFAULT_LAB)
    .option('--managers <n>', 'number of manager hosts', intOption('--managers'), 3)
    .option('--workers <n>', 'number of worker hosts', intOption('--workers'), 2)
    .action(async (o: { name: string; managers: number; workers: number }) => {
      requireRoot();
      const { labStatus, labUp } = await loadLab();
      const started = Date.now();
      const state = await labUp({ ...o, log: (l) => process.stderr.write(`${l}\n`) });
      print(formatRows(labStatus(state.name), HOST_COLUMNS, {}));
      process.stderr.write(
        `lab "${state.name}" is up in ${((Date.now() - started) / 1000).toFixed(1)} s; registry ${state.registry}; images: ${state.images.join(', ')}\n`,
      );
    });

  lab
    .command('down')
    .description('remove a lab and everything it made (also after a crashed run)')
    .option('--name <name>', 'lab name', DEFAULT_LAB)
    .option('--all', 'remove every lab')
    .action(async (o: { name: string; all?: boolean }) => {
      requireRoot();
      const { labDown } = await loadLab();
      for (const name of o.all ? listLabNames() : [o.name]) {
        await labDown(name);
        process.stderr.write(`lab "${name}" removed\n`);
      }
    });

  lab
    .command('ls')
    .description('list lab hosts')
    .option('--name <name>', 'only this lab')
    .option('--format <format>', "'table', 'json' or a template like '{{.Host}} {{.Address}}'")
    .option('-q, --quiet', 'only host names')
    .action(async (o: { name?: string; format?: string; quiet?: boolean }) => {
      const { labStatus } = await loadLab();
      print(formatRows(labStatus(o.name), HOST_COLUMNS, o, (h) => h.host));
    });

  lab
    .command('exec')
    .description('run a command on a lab host, e.g. shoal lab exec m1 -- docker ps')
    .option('--name <name>', 'lab name', DEFAULT_LAB)
    .argument('<host>')
    .argument('<command...>')
    .action(async (host: string, command: string[], o: { name: string }) => {
      requireRoot();
      const { labExec, requireLab } = await loadLab();
      const r = labExec(requireLab(o.name), host, command);
      if (r.error) throw r.error;
      process.exitCode = r.status ?? 1;
    });

  lab
    .command('ssh')
    .description('open a shell (or run a command) on a lab host over SSH')
    .option('--name <name>', 'lab name', DEFAULT_LAB)
    .argument('<host>')
    .argument('[command...]')
    .action(async (host: string, command: string[], o: { name: string }) => {
      const { labKeyPath, labMachineStore, requireHost, requireLab } = await loadLab();
      const { SshConnection } = await import('../../deploy/machine/ssh-connection');
      const state = requireLab(o.name);
      const h = requireHost(state, host);
      const record = labMachineStore(state.name).require(host);
      const ssh = await SshConnection.connect(
        {
          address: h.address,
          port: h.sshPort,
          user: 'root',
          privateKey: fs.readFileSync(labKeyPath(state.name)),
        },
        record.hostKey,
      );
      try {
        process.exitCode = await ssh.shell(command.length ? command.join(' ') : undefined);
      } finally {
        ssh.close();
      }
    });
  return lab;
}
