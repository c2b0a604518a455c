// What the agent tells the managers about its host (RegisterRequest.description), read
// from the Docker daemon it drives: the hostname, platform and capacity the scheduler
// and the templates ({{.Node.Hostname}}, {{.Node.Platform.OS}}) use.
import type Docker from 'dockerode';
import type { NodeDescription } from '../../proto/api-types';

// Docker reports the kernel's machine name; Swarm speaks Go's GOARCH.
const GOARCH: Record<string, string> = {
  x86_64: 'amd64',
  amd64: 'amd64',
  aarch64: 'arm64',
  arm64: 'arm64',
  armv7l: 'arm',
  i386: '386',
  i686: '386',
  s390x: 's390x',
  ppc64le: 'ppc64le',
  x64: 'amd64', // node's os.arch() names (the fallback when no engine answers)
  ia32: '386',
};

export const goArch = (machine: string): string => GOARCH[machine] ?? machine;

/** `docker info` Labels (`key=value` or a bare `key`) as a map. */
export function engineLabels(labels: string[] | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const l of labels ?? []) {
    const eq = l.indexOf('=');
    if (eq > 0) out[l.slice(0, eq)] = l.slice(eq + 1);
    else if (l) out[l] = '';
  }
  return out;
}

export async function describeNode(docker: Docker): Promise<NodeDescription> {
  const info = await docker.info();
  return {
    hostname: String(info.Name ?? ''),
    platform: { os: String(info.OSType ?? 'linux'), architecture: goArch(String(info.Architecture ?? '')) },
    resources: { nanoCpus: Number(info.NCPU ?? 0) * 1e9, memoryBytes: Number(info.MemTotal ?? 0) },
    engine: {
      engineVersion: String(info.ServerVersion ?? ''),
      labels: engineLabels(info.Labels as string[] | undefined),
    },
  };
}
