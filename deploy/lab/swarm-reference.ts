// Docker Swarm mode on a lab, as the reference shoal measures itself against in the
// same lab on the same machine. Drives the hosts' own dockerd (20.10) with the docker
// CLI over each host's socket; nothing here is used by shoal itself.
import * as fs from 'fs';
import * as path from 'path';
import { dockerdCommand } from '../machine/provision';
import { isAlive, run, sleep, waitFor } from '../sys';
import { hostDockerSocket, labExecOutput, labMachineStore } from './lab';
import { LabHost, LabState } from './state';

export function dockerOn(h: LabHost, args: string[], timeoutMs = 20_000) {
  return run('docker', args, {
    env: { ...process.env, DOCKER_HOST: `unix://${hostDockerSocket(h)}` },
    timeoutMs,
  });
}

/** docker swarm init on the first manager, then join every other host with the right token. */
export async function swarmInit(lab: LabState): Promise<void> {
  const managers = lab.hosts.filter((h) => h.role === 'manager');
  const workers = lab.hosts.filter((h) => h.role === 'worker');
  if (!managers.length) throw new Error('a swarm needs at least one manager host');
  const first = managers[0];
  await dockerOn(first, ['swarm', 'init', '--advertise-addr', first.address]);
  const token = async (role: string) =>
    (await dockerOn(first, ['swarm', 'join-token', '-q', role])).stdout.trim();
  const [managerToken, workerToken] = [await token('manager'), await token('worker')];
  // Managers one at a time: each join changes the raft membership.
  for (const m of managers.slice(1)) {
    await dockerOn(m, [
      'swarm',
      'join',
      '--advertise-addr',
      m.address,
      '--token',
      managerToken,
      `${first.address}:2377`,
    ]);
  }
  await Promise.all(
    workers.map((w) =>
      dockerOn(w, [
        'swarm',
        'join',
        '--advertise-addr',
        w.address,
        '--token',
        workerToken,
        `${first.address}:2377`,
      ]),
    ),
  );
}

export interface SwarmNode {
  hostname: string;
  status: string; // Ready / Down
  managerStatus: string; // Leader / Reachable / Unreachable / ''
}

export async function swarmNodes(via: LabHost, timeoutMs = 5000): Promise<SwarmNode[]> {
  const r = await dockerOn(
    via,
    ['node', 'ls', '--format', '{{.Hostname}}|{{.Status}}|{{.ManagerStatus}}'],
    timeoutMs,
  );
  return r.stdout
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((l) => {
      const [hostname, status, managerStatus] = l.split('|');
      return { hostname, status, managerStatus };
    });
}

export function dockerdPid(h: LabHost): number | undefined {
  try {
    const pid = Number(fs.readFileSync(path.join(h.dir, 'run', 'docker.pid'), 'utf8').trim());
    return pid && isAlive(pid) ? pid : undefined;
  } catch {
    return undefined;
  }
}

/** kill -9 of the host's dockerd (which the lab started); returns the time of the kill. */
export function killDockerd(h: LabHost): number {
  const pid = dockerdPid(h);
  if (!pid) throw new Error(`dockerd on ${h.host} is not running`);
  process.kill(pid, 'SIGKILL');
  return performance.now();
}

/** Starts the host's dockerd again with the options it was provisioned with. */
export async function restartDockerd(lab: LabState, h: LabHost): Promise<void> {
  const options = labMachineStore(lab.name).require(h.host).engineOptions;
  await waitFor(`old dockerd on ${h.host} to exit`, () => dockerdPid(h) === undefined, 10_000);
  labExecOutput(lab, h.host, [
    'sh',
    '-c',
    `rm -f /var/run/docker.pid; setsid ${dockerdCommand(options)} >>/var/log/dockerd.log 2>&1 </dev/null &`,
  ]);
  await waitFor(
    `dockerd on ${h.host} to answer`,
    async () =>
      (
        await run('docker', ['version'], {
          allowFailure: true,
          env: { ...process.env, DOCKER_HOST: `unix://${hostDockerSocket(h)}` },
        })
      ).code === 0,
    30_000,
  );
}

/** Polls `write` on the given hosts until one succeeds; returns when it did. */
export async function firstSuccessfulWrite(
  hosts: LabHost[],
  write: (h: LabHost) => Promise<unknown>,
  timeoutMs: number,
) {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    for (const h of hosts) {
      try {
        await write(h);
        return performance.now();
      } catch {
        /* no quorum or no leader yet */
      }
    }
    if (performance.now() > deadline) throw new Error(`no write succeeded within ${timeoutMs} ms`);
    await sleep(50);
  }
}
