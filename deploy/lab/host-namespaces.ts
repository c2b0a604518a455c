// One lab host = a network namespace wired to the lab bridge, plus a UTS namespace
// (its own hostname) and a mount namespace with private folders for the paths a real
// host owns. The host's first process is its sshd; everything else on the host
// (dockerd, shoald) is started through SSH, as on a real machine, and so inherits
// the same namespaces.
import * as fs from 'fs';
import * as path from 'path';
import { run, startDetached, succeeds } from '../sys';
import { LabHost } from './state';

/** Paths a real host owns, each bind-mounted from the host's own folder. */
export const PRIVATE_PATHS: Record<string, string> = {
  '/run': 'run',
  '/var/lib/shoal': 'var-lib-shoal',
  '/etc/shoal': 'etc-shoal',
  '/var/lib/docker': 'var-lib-docker',
  '/var/log': 'var-log',
  '/opt/shoal': 'opt-shoal',
};

export async function createBridge(bridge: string, gatewayCidr: string, comment: string): Promise<void> {
  if (!(await succeeds('ip', ['link', 'show', bridge]))) {
    await run('ip', ['link', 'add', bridge, 'type', 'bridge']);
  }
  await run('ip', ['addr', 'replace', gatewayCidr, 'dev', bridge]);
  await run('ip', ['link', 'set', bridge, 'up']);
  // A dockerd in the root namespace sets FORWARD to DROP; lab hosts must still reach
  // each other across the bridge. Tagged with a comment so the sweeper finds them.
  for (const dir of ['-i', '-o']) {
    const rule = ['FORWARD', dir, bridge, '-m', 'comment', '--comment', comment, '-j', 'ACCEPT'];
    if (!(await succeeds('iptables', ['-C', ...rule]))) await run('iptables', ['-I', ...rule]);
  }
}

export async function createHostNetwork(
  h: Pick<LabHost, 'netns' | 'vethBridge' | 'address'>,
  vethHost: string,
  bridge: string,
): Promise<void> {
  await run('ip', ['netns', 'add', h.netns]);
  await run('ip', ['link', 'add', h.vethBridge, 'type', 'veth', 'peer', 'name', vethHost]);
  await run('ip', ['link', 'set', h.vethBridge, 'master', bridge, 'up']);
  await run('ip', ['link', 'set', vethHost, 'netns', h.netns]);
  // One batch inside the namespace: fewer process spawns on a 2-core machine.
  const batch = [
    `link set ${vethHost} name eth0`,
    `addr add ${h.address}/24 dev eth0`,
    'link set eth0 up',
    'link set lo up',
  ].join('\n');
  await run('ip', ['-n', h.netns, '-batch', '-'], { input: batch + '\n' });
  // No default route on purpose: nothing on a lab host can reach beyond the lab.
}

export function hostDirs(hostDir: string): void {
  for (const sub of [...Object.values(PRIVATE_PATHS), 'ssh'])
    fs.mkdirSync(path.join(hostDir, sub), { recursive: true });
}

export interface SshdConfig {
  address: string;
  port: number;
  hostKey: string;
  authorizedKeys: string;
}

export function sshdConfigText(c: SshdConfig): string {
  return [
    `ListenAddress ${c.address}:${c.port}`,
    `HostKey ${c.hostKey}`,
    `AuthorizedKeysFile ${c.authorizedKeys}`,
    'PermitRootLogin prohibit-password',
    'PasswordAuthentication no',
    'KbdInteractiveAuthentication no',
    'UsePAM no',
    'StrictModes no',
    'PidFile /run/sshd.pid',
    'Subsystem sftp internal-sftp',
    'AcceptEnv LANG LC_*',
    'PrintMotd no',
    'LogLevel ERROR',
  ].join('\n');
}

/**
 * Starts the host: enters its netns, makes UTS and mount namespaces, mounts its private
 * folders, sets the hostname and execs sshd. nsenter, unshare and sh all exec, so the
 * returned PID is sshd's own, and stays the host's anchor process.
 */
export function startHostSshd(h: LabHost, configFile: string): number {
  const mounts = Object.entries(PRIVATE_PATHS)
    .map(([target, sub]) => `mkdir -p ${target} && mount --bind ${path.join(h.dir, sub)} ${target}`)
    .join(' && ');
  const script = `hostname ${h.host} && ${mounts} && mkdir -p /run/sshd && exec /usr/sbin/sshd -D -e -f ${configFile}`;
  const log = fs.openSync(path.join(h.dir, 'sshd.log'), 'a');
  try {
    return startDetached(
      'nsenter',
      [
        `--net=/var/run/netns/${h.netns}`,
        'unshare',
        '--uts',
        '--mount',
        '--propagation',
        'private',
        'sh',
        '-c',
        script,
      ],
      { stdio: ['ignore', log, log] },
    );
  } finally {
    fs.closeSync(log);
  }
}

/**
 * Runs a command inside a host's namespaces (network, hostname, mounts) without SSH, in
 * the environment a login there would have (hostEnv), not the caller's.
 */
export function nsenterArgs(sshdPid: number, command: string[]): string[] {
  const env = Object.entries(hostEnv()).map(([key, value]) => `${key}=${value}`);
  return ['-t', String(sshdPid), '--net', '--uts', '--mount', '--', 'env', '-i', ...env, ...command];
}

/** sshd's PATH for a login (Debian's default), where the lab's own sessions find node and docker. */
const LOGIN_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

/**
 * The environment of a command run on a lab host without SSH: what an SSH login there
 * gets (sshd's PATH, root's home, the terminal and the locale it accepts), not the
 * caller's. A variable of the machine running the lab must not leak into a host: this
 * machine's NODE_EXTRA_CA_CERTS made every node process started that way read the whole
 * system CA bundle first (~70 ms on each `shoal` run), which no shell on the host does.
 */
export function hostEnv(outer: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { PATH: LOGIN_PATH, HOME: '/root', USER: 'root', LOGNAME: 'root' };
  for (const [key, value] of Object.entries(outer))
    if (key === 'TERM' || key === 'LANG' || key.startsWith('LC_')) env[key] = value;
  return env;
}
