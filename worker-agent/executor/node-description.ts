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
};

export const goArch = (machine: string): string => GOARCH[machine] ?? machine;

export async function describeNode(docker: Docker): Promise<NodeDescription> {
  const info = await docker.info();
  return {
    hostname: String(info.Name ?? ''),
    platform: { os: String(info.OSType ?? 'linux'), architecture: goArch(String(info.Architecture ?? '')) },
    resources: { nanoCpus: Number(info.NCPU ?? 0) * 1e9, memoryBytes: Number(info.MemTotal ?? 0) },
    engine: {
      engineVersion: String(info.ServerVersion ?? ''),
      labels: Object.fromEntries(
        ((info.Labels as string[] | undefined) ?? []).map((l) => {
          const eq = l.indexOf('=');
          return eq < 0 ? [l, ''] : [l.slice(0, eq), l.slice(eq + 1)];
        }),
      ),
    },
  };
}
