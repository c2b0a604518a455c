// Platform matching for `Placement.platforms` (the platforms an image was built for).
// Engines report uname-style names (x86_64, aarch64) while image manifests use Go's
// (amd64, arm64), so both sides are normalized before comparing.
import type { Node } from '../api-types';

const ARCH_ALIASES: Record<string, string> = {
  x86_64: 'amd64',
  x86: '386',
  i386: '386',
  i686: '386',
  aarch64: 'arm64',
  armhf: 'arm',
  armv7l: 'arm',
  armel: 'arm',
};

export function normalizeArch(arch: string): string {
  const a = arch.trim().toLowerCase();
  return ARCH_ALIASES[a] ?? a;
}

export interface PlatformLike {
  os?: string | null;
  architecture?: string | null;
}

/** True when the node runs one of the platforms (an empty list allows every node). */
export function platformMatches(platforms: readonly PlatformLike[] | null | undefined, node: Node): boolean {
  if (!platforms || platforms.length === 0) return true;
  const os = (node.description?.platform?.os ?? '').toLowerCase();
  const arch = normalizeArch(node.description?.platform?.architecture ?? '');
  return platforms.some(
    (p) =>
      (!p.os || p.os.toLowerCase() === os) && (!p.architecture || normalizeArch(p.architecture) === arch),
  );
}
