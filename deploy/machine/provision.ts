// Provisioning a machine over SSH, docker-machine style: check the OS and root,
// install Docker when missing, make sure dockerd runs with the engine options,
// upload shoal and start shoald. Every step is idempotent, so provisioning an
// already provisioned host only verifies it. The machine is recorded last.
import * as fs from 'fs';
import { buildBundle } from './bundle';
import { SshConnection, SshTarget } from './ssh-connection';
import { MachineRecord, MachineStore } from './store';

export interface CreateMachineOptions {
  name: string;
  address: string;
  port?: number;
  user?: string;
  keyPath: string;
  engineOptions?: string[]; // extra dockerd flags, e.g. --insecure-registry=10.0.0.1:5000
  labels?: Record<string, string>;
  shoaldArgs?: string[]; // extra shoald flags
  installShoal?: boolean;
  connectTimeoutMs?: number;
  log?: (line: string) => void;
}

const SUPPORTED_OS = ['debian', 'ubuntu'];
const shellQuote = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;

export function parseOsRelease(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const m = /^([A-Z_]+)=(.*)$/.exec(line.trim());
    if (m) out[m[1]] = m[2].replace(/^"(.*)"$/, '$1');
  }
  return out;
}

/** The dockerd command line a machine runs; its own files stay under the host's standard paths. */
export function dockerdCommand(engineOptions: string[]): string {
  return ['dockerd', '--host=unix:///var/run/docker.sock', ...engineOptions].map(shellQuote).join(' ');
}

export async function createMachine(store: MachineStore, opts: CreateMachineOptions): Promise<MachineRecord> {
  const log = opts.log ?? (() => undefined);
  MachineStore.validateName(opts.name);
  if (store.get(opts.name)) throw new Error(`machine "${opts.name}" already exists`);
  let privateKey: Buffer;
  try {
    privateKey = fs.readFileSync(opts.keyPath);
  } catch (err) {
    throw new Error(`cannot read SSH key --ssh-key ${opts.keyPath}: ${(err as NodeJS.ErrnoException).code}`, {
      cause: err,
    });
  }
  const target: SshTarget = {
    address: opts.address,
    port: opts.port ?? 22,
    user: opts.user ?? 'root',
    privateKey,
  };
  const known = store.knownHostKey(target.address, target.port);
  const ssh = await SshConnection.connect(target, known, opts.connectTimeoutMs);
  try {
    const m = await provision(ssh, opts, log);
    const record: MachineRecord = {
      name: opts.name,
      driver: 'ssh',
      address: target.address,
      port: target.port,
      user: target.user,
      keyPath: opts.keyPath,
      hostKey: ssh.hostKey,
      os: m.os,
      dockerVersion: m.dockerVersion,
      shoalBundle: m.shoalBundle,
      engineOptions: opts.engineOptions ?? [],
      labels: opts.labels ?? {},
      createdAt: new Date().toISOString(),
    };
    store.save(record);
    return record;
  } finally {
    ssh.close();
  }
}

interface Provisioned {
  os: string;
  dockerVersion: string;
  shoalBundle?: string;
}

async function provision(
  ssh: SshConnection,
  opts: CreateMachineOptions,
  log: (l: string) => void,
): Promise<Provisioned> {
  log('checking the operating system');
  const facts = await ssh.check('checking the operating system', 'uname -s; id -u; cat /etc/os-release');
  const [kernel, uid, ...osLines] = facts.split('\n');
  const osr = parseOsRelease(osLines.join('\n'));
  if (kernel.trim() !== 'Linux')
    throw new Error(`unsupported OS on ${opts.address}: ${kernel.trim()} (shoal needs Linux)`);
  if (
    !SUPPORTED_OS.includes(osr.ID) &&
    !SUPPORTED_OS.some((id) => (osr.ID_LIKE ?? '').split(' ').includes(id))
  ) {
    throw new Error(
      `unsupported OS on ${opts.address}: ${osr.PRETTY_NAME ?? osr.ID ?? 'unknown'} (shoal provisions Debian and Ubuntu)`,
    );
  }
  // Root, or passwordless sudo: installing packages and running dockerd need it.
  let sudo = '';
  if (uid.trim() !== '0') {
    const probe = await ssh.exec('sudo -n true');
    if (probe.code !== 0) {
      throw new Error(
        `${opts.user ?? 'root'}@${opts.address} is not root and cannot use sudo without a password; provisioning needs root`,
      );
    }
    sudo = 'sudo -n ';
  }

  log('checking Docker');
  if ((await ssh.exec('dockerd --version')).code !== 0) {
    log('installing Docker (docker.io)');
    await ssh.check(
      'installing Docker (apt-get install docker.io)',
      `${sudo}sh -c 'export DEBIAN_FRONTEND=noninteractive; apt-get update -qq && apt-get install -y -qq --no-install-recommends docker.io'`,
    );
  }
  if ((await ssh.exec(`${sudo}docker version --format '{{.Server.Version}}'`)).code !== 0) {
    log('starting dockerd');
    await ssh.check(
      'starting dockerd',
      `${sudo}sh -c ${shellQuote(`mkdir -p /var/log && setsid ${dockerdCommand(opts.engineOptions ?? [])} >>/var/log/dockerd.log 2>&1 </dev/null &`)}`,
    );
    await ssh.check(
      'waiting for dockerd',
      `${sudo}sh -c 'for i in $(seq 1 300); do docker version >/dev/null 2>&1 && exit 0; sleep 0.1; done; tail -5 /var/log/dockerd.log; exit 1'`,
    );
  }
  const dockerVersion = (
    await ssh.check('reading the Docker version', `${sudo}docker version --format '{{.Server.Version}}'`)
  ).trim();

  if (opts.installShoal === false) return { os: osr.PRETTY_NAME ?? osr.ID, dockerVersion };

  log('checking Node.js');
  const node = await ssh.exec('node -p process.versions.node');
  if (node.code !== 0 || Number(node.stdout.split('.')[0]) < 20) {
    throw new Error(
      `Node.js 20 or newer is needed on ${opts.address} to run shoald (found: ${node.code === 0 ? node.stdout.trim() : 'none'})`,
    );
  }
  const bundle = await buildBundle();
  const current = await ssh.exec('cat /opt/shoal/BUNDLE_ID 2>/dev/null');
  if (current.stdout.trim() !== bundle.id) {
    log(`uploading shoal (${(fs.statSync(bundle.file).size / 1e6).toFixed(1)} MB)`);
    await ssh.check(
      'uploading shoal',
      `${sudo}sh -c 'rm -rf /opt/shoal/.new && mkdir -p /opt/shoal/.new && tar -xzf - -C /opt/shoal/.new && cd /opt/shoal && rm -rf bin dist proto node_modules package.json BUNDLE_ID && mv .new/* . && rm -rf .new'`,
      fs.createReadStream(bundle.file),
    );
  }
  log('starting shoald');
  const shoald = ['/opt/shoal/bin/shoald', ...(opts.shoaldArgs ?? [])].map(shellQuote).join(' ');
  await ssh.check(
    'starting shoald',
    `${sudo}sh -c ${shellQuote(
      `if /opt/shoal/bin/shoal ping -q >/dev/null 2>&1; then exit 0; fi; ` +
        `mkdir -p /var/log && setsid ${shoald} >>/var/log/shoald.log 2>&1 </dev/null & ` +
        `for i in $(seq 1 100); do /opt/shoal/bin/shoal ping -q >/dev/null 2>&1 && exit 0; sleep 0.2; done; tail -5 /var/log/shoald.log; exit 1`,
    )}`,
  );
  return { os: osr.PRETTY_NAME ?? osr.ID, dockerVersion, shoalBundle: bundle.id };
}
