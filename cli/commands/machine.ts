// `shoal machine ...`: docker-machine-style provisioning of hosts over SSH.
import * as fs from 'fs';
import { Command } from 'commander';
// Provisioning and ssh2 load when a machine command needs them, not with every shoal command.
import type { SshConnection } from '../../deploy/machine/ssh-connection';
import { MachineRecord, MachineStore, defaultStoragePath } from '../../deploy/machine/store';
import { Column, formatRows, print } from '../output';
import { collect, intOption, keyValueOption } from './options';

interface Checked extends MachineRecord {
  state: string;
}

const COLUMNS: Column<Checked>[] = [
  { header: 'NAME', field: 'Name', value: (m) => m.name },
  { header: 'DRIVER', field: 'Driver', value: (m) => m.driver },
  { header: 'STATE', field: 'State', value: (m) => m.state },
  { header: 'URL', field: 'URL', value: (m) => `ssh://${m.user}@${m.address}:${m.port}` },
  { header: 'DOCKER', field: 'Docker', value: (m) => m.dockerVersion },
  { header: 'OS', field: 'OS', value: (m) => m.os },
];

async function connectTo(m: MachineRecord, timeoutMs = 10_000): Promise<SshConnection> {
  const { SshConnection } = await import('../../deploy/machine/ssh-connection');
  return SshConnection.connect(
    { address: m.address, port: m.port, user: m.user, privateKey: fs.readFileSync(m.keyPath) },
    m.hostKey,
    timeoutMs,
  );
}

async function checkState(m: MachineRecord): Promise<Checked> {
  try {
    const ssh = await connectTo(m, 3000);
    const docker = await ssh.exec('docker version --format {{.Server.Version}}');
    ssh.close();
    return { ...m, state: docker.code === 0 ? 'Running' : 'Docker down' };
  } catch (err) {
    return {
      ...m,
      state: (err as { kind?: string }).kind === 'host-key-changed' ? 'Host key changed' : 'Unreachable',
    };
  }
}

export function machineCommand(): Command {
  const machine = new Command('machine')
    .description('provision and manage hosts over SSH')
    .option('-s, --storage-path <dir>', 'where machine records live', defaultStoragePath());
  const store = (): MachineStore => new MachineStore(machine.opts().storagePath as string);

  machine
    .command('create')
    .description('provision a host over SSH: Docker, shoal and shoald')
    .argument('<name>')
    .option('-d, --driver <driver>', 'machine driver (only "ssh")', 'ssh')
    .requiredOption('--ssh-ip-address <address>', 'address of the host')
    .option('--ssh-user <user>', 'SSH user (root, or one with passwordless sudo)', 'root')
    .option('--ssh-port <port>', 'SSH port', intOption('--ssh-port', 1), 22)
    .requiredOption('--ssh-key <path>', 'private key file')
    .option('--engine-insecure-registry <registry>', 'registry dockerd may reach without TLS', collect, [])
    .option('--engine-opt <flag=value>', 'extra dockerd flag, e.g. log-level=warn', collect, [])
    .option('--engine-label <key=value>', 'dockerd label', collect, [])
    .option('--label <key=value>', 'label on the machine record', keyValueOption('--label'), {})
    .option('--no-shoal', 'only Docker; do not install or start shoald')
    .action(async (name: string, o: Record<string, unknown>) => {
      if (o.driver !== 'ssh') throw new Error(`--driver: unknown driver "${o.driver}"; available: ssh`);
      const engineOptions = [
        ...(o.engineInsecureRegistry as string[]).map((r) => `--insecure-registry=${r}`),
        ...(o.engineOpt as string[]).map((f) => `--${f.replace(/^--/, '')}`),
        ...(o.engineLabel as string[]).map((l) => `--label=${l}`),
      ];
      const { createMachine } = await import('../../deploy/machine/provision');
      const m = await createMachine(store(), {
        name,
        address: o.sshIpAddress as string,
        port: o.sshPort as number,
        user: o.sshUser as string,
        keyPath: o.sshKey as string,
        engineOptions,
        labels: o.label as Record<string, string>,
        installShoal: o.shoal as boolean,
        log: (l) => process.stderr.write(`${name}: ${l}\n`),
      });
      process.stderr.write(`machine "${m.name}" is ready: ${m.os}, Docker ${m.dockerVersion}\n`);
    });

  machine
    .command('ls')
    .description('list machines and whether they answer')
    .option('--format <format>', "'table', 'json' or a template")
    .option('-q, --quiet', 'only names')
    .action(async (o: { format?: string; quiet?: boolean }) => {
      const machines = store().list();
      const rows = o.quiet
        ? machines.map((m) => ({ ...m, state: '' }))
        : await Promise.all(machines.map(checkState));
      print(formatRows(rows, COLUMNS, o, (m) => m.name));
    });

  machine
    .command('inspect')
    .description('show a machine record as JSON')
    .argument('<name...>')
    .action((names: string[]) =>
      print(
        JSON.stringify(
          names.map((n) => store().require(n)),
          null,
          2,
        ),
      ),
    );

  machine
    .command('rm')
    .description('forget machines (the hosts keep running)')
    .argument('<name...>')
    .option('-f, --force', 'no error for unknown names')
    .action((names: string[], o: { force?: boolean }) => {
      for (const n of names) {
        if (!store().remove(n) && !o.force) throw new Error(`no such machine: ${n}`);
        print(n);
      }
    });

  machine
    .command('ssh')
    .description('open a shell (or run a command) on a machine')
    .argument('<name>')
    .argument('[command...]')
    .action(async (name: string, command: string[]) => {
      const ssh = await connectTo(store().require(name));
      try {
        process.exitCode = await ssh.shell(command.length ? command.join(' ') : undefined);
      } finally {
        ssh.close();
      }
    });

  machine
    .command('env')
    .description("print the environment that points docker at the machine's daemon")
    .argument('<name>')
    .action((name: string) => {
      const m = store().require(name);
      print(
        [
          `export DOCKER_HOST="ssh://${m.user}@${m.address}:${m.port}"`,
          `export SHOAL_MACHINE_NAME="${m.name}"`,
          `# docker reaches it with your ssh client; load the key first: ssh-add ${m.keyPath}`,
          `# Run this command to configure your shell: eval "$(shoal machine env ${m.name})"`,
        ].join('\n'),
      );
    });
  return machine;
}
