// Names and addresses of everything a lab makes. All of them derive from the lab's
// name, so a sweeper can find the leftovers of a crashed run without a state file.
import * as path from 'path';

export const LAB_NAME_PATTERN = /^[a-z][a-z0-9]{0,7}$/;
export const LAB_ROOT = process.env.SHOAL_LAB_ROOT || '/var/lib/shoal-lab';
export const REGISTRY_PORT = 5000;
export const SUBNET_PREFIX = '10.213'; // lab N uses 10.213.N.0/24

export function validateLabName(name: string): string {
  if (!LAB_NAME_PATTERN.test(name)) {
    throw new Error(
      `invalid lab name "${name}": use 1-8 lowercase letters or digits, starting with a letter (it becomes part of interface names, which Linux limits to 15 characters)`,
    );
  }
  return name;
}

export type Role = 'manager' | 'worker';

export interface HostNames {
  host: string; // hostname inside the lab, e.g. m1, w2
  netns: string; // network namespace
  vethHost: string; // veth end inside the namespace (renamed eth0 there)
  vethBridge: string; // veth end on the lab bridge
}

export const bridgeName = (lab: string): string => `slb-${lab}`;
export const netnsPrefix = (lab: string): string => `shoal-${lab}-`;
export const iptablesComment = (lab: string): string => `shoal-lab-${lab}`;
export const labDir = (lab: string): string => path.join(LAB_ROOT, lab);

export function hostNames(lab: string, host: string): HostNames {
  return {
    host,
    netns: `${netnsPrefix(lab)}${host}`,
    // 3 + 8 + 1 + 3 = 15 characters at most: Linux's limit for interface names.
    vethHost: `sh-${lab}.${host}`,
    vethBridge: `sv-${lab}.${host}`,
  };
}

/** m1..mN then w1..wM: managers first, so m1 is the natural first manager. */
export function planHosts(managers: number, workers: number): { host: string; role: Role }[] {
  for (const [flag, n, max] of [
    ['--managers', managers, 9],
    ['--workers', workers, 20],
  ] as const) {
    if (!Number.isInteger(n) || n < 0 || n > max)
      throw new Error(`${flag} must be an integer from 0 to ${max}, got ${n}`);
  }
  if (managers + workers === 0) throw new Error('a lab needs at least one host (--managers or --workers)');
  return [
    ...Array.from({ length: managers }, (_, i) => ({ host: `m${i + 1}`, role: 'manager' as const })),
    ...Array.from({ length: workers }, (_, i) => ({ host: `w${i + 1}`, role: 'worker' as const })),
  ];
}

export const subnetOf = (slot: number): string => `${SUBNET_PREFIX}.${slot}.0/24`;
export const gatewayOf = (slot: number): string => `${SUBNET_PREFIX}.${slot}.1`;
/** Hosts get .11, .12, ... in plan order. */
export const hostAddress = (slot: number, index: number): string => `${SUBNET_PREFIX}.${slot}.${11 + index}`;
