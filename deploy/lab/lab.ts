// `shoal lab up|down|ls|exec`: several Docker hosts on this one machine. Each host
// is provisioned through the same SSH path as a real machine (deploy/machine).
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as net from 'net';
import * as path from 'path';
import { createMachine } from '../machine/provision';
import { MachineStore } from '../machine/store';
import { isAlive, run, sleep, waitFor } from '../sys';
import {
  createBridge,
  createHostNetwork,
  hostDirs,
  nsenterArgs,
  sshdConfigText,
  startHostSshd,
} from './host-namespaces';
import { buildAndPushImages } from './images';
import {
  bridgeName,
  gatewayOf,
  hostAddress,
  hostNames,
  iptablesComment,
  LAB_ROOT,
  labDir,
  Role,
  planHosts,
  REGISTRY_PORT,
  SUBNET_PREFIX,
  subnetOf,
  validateLabName,
} from './names';
import { startRegistry } from './registry';
import { sweepLab } from './sweeper';
import { LabHost, LabState, listLabNames, readState, writeState } from './state';

export const DEFAULT_LAB = 'lab';

export interface LabUpOptions {
  name?: string;
  managers: number;
  workers: number;
  log?: (line: string) => void;
}

export const labKeyPath = (lab: string): string => path.join(labDir(lab), 'id_ed25519');
export const labMachineStore = (lab: string): MachineStore =>
  new MachineStore(path.join(labDir(lab), 'machine'));
/** The docker socket of a lab host, reachable from the root namespace through its private /run. */
export const hostDockerSocket = (h: LabHost): string => path.join(h.dir, 'run', 'docker.sock');
export const hostShoalSocket = (h: LabHost): string => path.join(h.dir, 'run', 'shoal', 'shoal.sock');

/** A /24 no other lab and no existing interface uses. */
async function pickSlot(): Promise<number> {
  const used = new Set<number>();
  for (const lab of listLabNames()) {
    const s = readState(lab);
    if (s) used.add(s.slot);
  }
  const addrs = (await run('ip', ['-o', '-4', 'addr', 'show'])).stdout;
  for (const m of addrs.matchAll(new RegExp(`inet ${SUBNET_PREFIX.replace('.', '\\.')}\\.(\\d+)\\.`, 'g')))
    used.add(Number(m[1]));
  for (let slot = 1; slot < 255; slot++) if (!used.has(slot)) return slot;
  throw new Error(`no free lab subnet left in ${SUBNET_PREFIX}.0.0/16`);
}

function tcpOpen(address: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.connect({ host: address, port, timeout: 500 });
    s.once('connect', () => {
      s.destroy();
      resolve(true);
    });
    s.once('error', () => resolve(false));
    s.once('timeout', () => {
      s.destroy();
      resolve(false);
    });
  });
}

async function keygen(file: string, comment: string): Promise<void> {
  if (!fs.existsSync(file))
    await run('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', comment, '-f', file]);
}

async function startHost(state: LabState, h: LabHost): Promise<void> {
  const names = hostNames(state.name, h.host);
  await createHostNetwork(h, names.vethHost, state.bridge);
  hostDirs(h.dir);
  const hostKey = path.join(h.dir, 'ssh', 'ssh_host_ed25519_key');
  await keygen(hostKey, `${h.host}.${state.name}`);
  const config = path.join(h.dir, 'ssh', 'sshd_config');
  fs.writeFileSync(
    config,
    sshdConfigText({
      address: h.address,
      port: h.sshPort,
      hostKey,
      authorizedKeys: path.join(labDir(state.name), 'authorized_keys'),
    }),
  );
  h.sshdPid = startHostSshd(h, config);
  await waitFor(
    `sshd on ${h.host} (${h.address}:${h.sshPort}); see ${h.dir}/sshd.log`,
    () => tcpOpen(h.address, h.sshPort),
    15_000,
  );
}

function initialState(name: string, slot: number, plan: { host: string; role: Role }[]): LabState {
  return {
    name,
    slot,
    subnet: subnetOf(slot),
    gateway: gatewayOf(slot),
    bridge: bridgeName(name),
    registry: `${gatewayOf(slot)}:${REGISTRY_PORT}`,
    createdAt: new Date().toISOString(),
    owner: process.env.SHOAL_LAB_OWNER,
    status: 'creating',
    images: [],
    hosts: plan.map((p, i) => ({
      host: p.host,
      role: p.role,
      address: hostAddress(slot, i),
      netns: hostNames(name, p.host).netns,
      vethBridge: hostNames(name, p.host).vethBridge,
      sshPort: 22,
      dir: path.join(labDir(name), 'hosts', p.host),
    })),
  };
}

/** Serializes subnet choice between concurrent `lab up`s (mkdir is atomic). */
async function withSlotLock<T>(fn: () => Promise<T>): Promise<T> {
  const lock = path.join(LAB_ROOT, '.slot-lock');
  fs.mkdirSync(LAB_ROOT, { recursive: true });
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      fs.mkdirSync(lock);
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      // A lock older than 30 s belongs to a crashed run.
      if (Date.now() - fs.statSync(lock).mtimeMs > 30_000 || Date.now() > deadline)
        fs.rmSync(lock, { recursive: true, force: true });
      await sleep(50);
    }
  }
  try {
    return await fn();
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

export async function labUp(opts: LabUpOptions): Promise<LabState> {
  const name = validateLabName(opts.name ?? DEFAULT_LAB);
  const log = opts.log ?? (() => undefined);
  const plan = planHosts(opts.managers, opts.workers);
  const existing = readState(name);
  if (existing?.status === 'ready')
    throw new Error(`lab "${name}" already exists; remove it with: shoal lab down --name ${name}`);
  // Whatever an earlier run of this name left (crashed, half made) goes first.
  await sweepLab(name);

  const dir = labDir(name);
  const state = await withSlotLock(async () => {
    const s = initialState(name, await pickSlot(), plan);
    writeState(s); // claims the slot before the lock is released
    return s;
  });
  try {
    log(`network ${state.subnet} on bridge ${state.bridge}`);
    await createBridge(state.bridge, `${state.gateway}/24`, iptablesComment(name));
    await keygen(labKeyPath(name), `shoal-lab-${name}`);
    fs.copyFileSync(`${labKeyPath(name)}.pub`, path.join(dir, 'authorized_keys'));

    log(`registry on ${state.registry}`);
    state.registryPid = await startRegistry(path.join(dir, 'registry'), state.registry);
    writeState(state);

    log(`hosts: ${state.hosts.map((h) => `${h.host} ${h.address}`).join(', ')}`);
    await Promise.all(state.hosts.map((h) => startHost(state, h)));
    writeState(state);

    // The real provisioning path: ssh2 -> check OS -> Docker -> upload shoal -> shoald.
    const store = labMachineStore(name);
    await Promise.all(
      state.hosts.map(async (h) => {
        await createMachine(store, {
          name: h.host,
          address: h.address,
          port: h.sshPort,
          keyPath: labKeyPath(name),
          engineOptions: [
            `--insecure-registry=${state.registry}`,
            // Any other registry a test runs on the bridge address (one that needs a
            // password, on another port) is plain HTTP too.
            `--insecure-registry=${state.gateway}/32`,
            '--log-level=warn',
            `--label=shoal.lab=${name}`,
            `--label=shoal.lab.role=${h.role}`,
          ],
          labels: { 'shoal.lab': name, role: h.role },
          log: (line) => log(`  ${h.host}: ${line}`),
        });
        h.provisioned = true;
      }),
    );
    writeState(state);

    log('building and pushing test images');
    state.images = await buildAndPushImages(`unix://${hostDockerSocket(state.hosts[0])}`, state.registry);
    // Pre-pull on every host so later tests and benchmarks measure scheduling, not pulls.
    await Promise.all(
      state.hosts.slice(1).map(async (h) => {
        for (const ref of state.images) {
          await run('docker', ['pull', '-q', ref], {
            env: { ...process.env, DOCKER_HOST: `unix://${hostDockerSocket(h)}` },
          });
        }
      }),
    );
    state.status = 'ready';
    writeState(state);
    return state;
  } catch (err) {
    state.status = 'failed';
    writeState(state);
    throw err;
  }
}

export async function labDown(name = DEFAULT_LAB): Promise<void> {
  await sweepLab(validateLabName(name));
}

export type HostState = 'running' | 'degraded' | 'stopped';

export interface HostStatus extends LabHost {
  lab: string;
  state: HostState;
  docker: boolean;
  shoald: boolean;
}

function pidFromFile(file: string): number | undefined {
  try {
    return Number(fs.readFileSync(file, 'utf8').trim()) || undefined;
  } catch {
    return undefined;
  }
}

export function hostStatus(state: LabState, h: LabHost): HostStatus {
  const sshd = h.sshdPid !== undefined && isAlive(h.sshdPid);
  const dockerPid = pidFromFile(path.join(h.dir, 'run', 'docker.pid'));
  const shoaldPid = pidFromFile(path.join(h.dir, 'run', 'shoal', 'shoald.pid'));
  const docker = sshd && dockerPid !== undefined && isAlive(dockerPid);
  const shoald = sshd && shoaldPid !== undefined && isAlive(shoaldPid);
  const hostState: HostState = !sshd ? 'stopped' : docker && shoald ? 'running' : 'degraded';
  return { ...h, lab: state.name, state: hostState, docker, shoald };
}

export function labStatus(name?: string): HostStatus[] {
  const labs = name ? [validateLabName(name)] : listLabNames();
  return labs.flatMap((lab) => {
    const s = readState(lab);
    return s ? s.hosts.map((h) => hostStatus(s, h)) : [];
  });
}

export function requireLab(name = DEFAULT_LAB): LabState {
  const state = readState(validateLabName(name));
  if (!state) throw new Error(`no lab named "${name}"; create one with: shoal lab up --name ${name}`);
  return state;
}

export function requireHost(state: LabState, host: string): LabHost {
  const h = state.hosts.find((x) => x.host === host);
  if (!h)
    throw new Error(
      `lab "${state.name}" has no host "${host}"; hosts: ${state.hosts.map((x) => x.host).join(', ')}`,
    );
  if (h.sshdPid === undefined || !isAlive(h.sshdPid))
    throw new Error(`host ${host} of lab "${state.name}" is not running`);
  return h;
}

/** Runs a command on a lab host (its network, hostname and mounts); returns its exit code. */
export function labExec(
  state: LabState,
  host: string,
  command: string[],
  stdio: 'inherit' | 'pipe' = 'inherit',
) {
  const h = requireHost(state, host);
  if (!command.length) throw new Error('lab exec needs a command after --');
  return spawnSync('nsenter', nsenterArgs(h.sshdPid!, command), { stdio, encoding: 'utf8' });
}

/** Like labExec but captures stdout and throws on failure; for tests and scripts. */
export function labExecOutput(state: LabState, host: string, command: string[]): string {
  const h = requireHost(state, host);
  return execFileSync('nsenter', nsenterArgs(h.sshdPid!, command), {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}
