// What the agent tells the managers about its host: hostname, CPUs, memory, platform and
// the Docker engine (version, labels), from the host's own dockerd through dockerode.
import * as os from 'os';
import Docker from 'dockerode';
import type { NodeDescription } from '../../proto/gen/shoal/api/NodeDescription';

export const DEFAULT_DOCKER_SOCKET = '/var/run/docker.sock';

// Docker reports uname's machine name; the cluster speaks Go's GOARCH like Swarm.
const ARCH: Record<string, string> = { x86_64: 'amd64', aarch64: 'arm64', armv7l: 'arm', i686: '386' };

export function engineLabels(labels: string[] | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const l of labels ?? []) {
    const eq = l.indexOf('=');
    if (eq > 0) out[l.slice(0, eq)] = l.slice(eq + 1);
    else if (l) out[l] = '';
  }
  return out;
}

export async function describeNode(dockerSocket = DEFAULT_DOCKER_SOCKET): Promise<NodeDescription> {
  const base: NodeDescription = {
    hostname: os.hostname(),
    platform: { os: os.platform(), architecture: ARCH[os.arch()] ?? os.arch() },
    resources: { nanoCpus: os.cpus().length * 1e9, memoryBytes: os.totalmem() },
    engine: { engineVersion: '', labels: {} },
  };
  try {
    const info = (await new Docker({ socketPath: dockerSocket, timeout: 3000 }).info()) as {
      NCPU?: number;
      MemTotal?: number;
      ServerVersion?: string;
      Labels?: string[];
      OSType?: string;
      Architecture?: string;
    };
    return {
      hostname: os.hostname(),
      platform: {
        os: info.OSType || base.platform!.os,
        architecture: ARCH[info.Architecture ?? ''] ?? info.Architecture ?? base.platform!.architecture,
      },
      resources: {
        nanoCpus: (info.NCPU ?? os.cpus().length) * 1e9,
        memoryBytes: info.MemTotal ?? os.totalmem(),
      },
      engine: { engineVersion: info.ServerVersion ?? '', labels: engineLabels(info.Labels) },
    };
  } catch {
    // No engine reachable (yet): the node still reports what the OS knows.
    return base;
  }
}
