// Finds and removes everything a lab of a given name made, with or without its
// state file: processes inside its namespaces (and their children), its registry,
// namespaces, veths, bridge, iptables rules and folder. Used by `lab down` and
// before `lab up` to clean up after a run that crashed.
import * as fs from 'fs';
import { isAlive, run, sleep } from '../sys';
import { bridgeName, iptablesComment, labDir, netnsPrefix } from './names';

export interface Leftovers {
  namespaces: string[];
  links: string[];
  iptablesRules: string[];
  pids: number[];
  mounts: string[];
  dir: boolean;
}

async function labNamespaces(lab: string): Promise<string[]> {
  const r = await run('ip', ['netns', 'list'], { allowFailure: true });
  return r.stdout
    .split('\n')
    .map((l) => l.split(' ')[0])
    .filter((n) => n.startsWith(netnsPrefix(lab)));
}

async function labLinks(lab: string): Promise<string[]> {
  const r = await run('ip', ['-o', 'link', 'show'], { allowFailure: true });
  const names = r.stdout
    .split('\n')
    .map((l) => (/^\d+: ([^:@]+)/.exec(l) ?? [])[1])
    .filter(Boolean) as string[];
  return names.filter(
    (n) => n === bridgeName(lab) || n.startsWith(`sv-${lab}.`) || n.startsWith(`sh-${lab}.`),
  );
}

async function labIptablesRules(lab: string): Promise<string[]> {
  const r = await run('iptables', ['-S', 'FORWARD'], { allowFailure: true });
  const tag = `--comment ${iptablesComment(lab)}`;
  return r.stdout
    .split('\n')
    .filter((l) => l.includes(tag) || l.includes(`--comment "${iptablesComment(lab)}"`));
}

function childrenOf(): Map<number, number[]> {
  const children = new Map<number, number[]>();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const list = children.get(ppid) ?? [];
      list.push(Number(entry));
      children.set(ppid, list);
    } catch {
      /* exited meanwhile */
    }
  }
  return children;
}

/** Processes this lab started: everything in its namespaces, their descendants, and its registry. */
async function labPids(lab: string): Promise<number[]> {
  const roots = new Set<number>();
  for (const ns of await labNamespaces(lab)) {
    const r = await run('ip', ['netns', 'pids', ns], { allowFailure: true });
    for (const p of r.stdout.split('\n').filter(Boolean)) roots.add(Number(p));
  }
  // The registry runs in the root namespace; it is ours when its config is in our folder.
  const marker = `${labDir(lab)}/`;
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cmd = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      if (cmd.startsWith('docker-registry\0') && cmd.includes(marker)) roots.add(Number(entry));
    } catch {
      /* exited meanwhile */
    }
  }
  const children = childrenOf();
  const all = new Set<number>();
  const visit = (pid: number): void => {
    if (all.has(pid) || pid === process.pid) return;
    all.add(pid);
    for (const c of children.get(pid) ?? []) visit(c);
  };
  roots.forEach(visit);
  return [...all].filter(isAlive);
}

function labMounts(lab: string): string[] {
  const text = fs.readFileSync('/proc/self/mountinfo', 'utf8');
  return text
    .split('\n')
    .map((l) => l.split(' ')[4])
    .filter(
      (m): m is string =>
        !!m && (m.startsWith(labDir(lab) + '/') || m.startsWith(`/run/netns/${netnsPrefix(lab)}`)),
    );
}

export async function findLeftovers(lab: string): Promise<Leftovers> {
  return {
    namespaces: await labNamespaces(lab),
    links: await labLinks(lab),
    iptablesRules: await labIptablesRules(lab),
    pids: await labPids(lab),
    mounts: labMounts(lab),
    dir: fs.existsSync(labDir(lab)),
  };
}

export function isClean(l: Leftovers): boolean {
  return (
    !l.namespaces.length &&
    !l.links.length &&
    !l.iptablesRules.length &&
    !l.pids.length &&
    !l.mounts.length &&
    !l.dir
  );
}

async function stopAll(lab: string, graceMs: number): Promise<void> {
  // TERM first so dockerd stops its containers and shoald leaves cleanly; then KILL.
  for (const signal of ['SIGTERM', 'SIGKILL'] as const) {
    const pids = await labPids(lab);
    if (!pids.length) return;
    for (const pid of pids) {
      try {
        process.kill(pid, signal);
      } catch {
        /* gone */
      }
    }
    const deadline = Date.now() + (signal === 'SIGTERM' ? graceMs : 5000);
    while (Date.now() < deadline && (await labPids(lab)).length) await sleep(100);
  }
  const left = await labPids(lab);
  if (left.length) throw new Error(`processes of lab ${lab} would not stop: ${left.join(', ')}`);
}

export async function sweepLab(lab: string, graceMs = 15_000): Promise<void> {
  await stopAll(lab, graceMs);
  for (const ns of await labNamespaces(lab)) await run('ip', ['netns', 'del', ns], { allowFailure: true });
  for (const link of await labLinks(lab)) await run('ip', ['link', 'del', link], { allowFailure: true });
  for (const rule of await labIptablesRules(lab)) {
    await run(
      'iptables',
      rule
        .replace(/^-A /, '-D ')
        .match(/"[^"]*"|\S+/g)!
        .map((a) => a.replace(/^"|"$/g, '')),
      {
        allowFailure: true,
      },
    );
  }
  for (const m of labMounts(lab).reverse()) await run('umount', ['-l', m], { allowFailure: true });
  fs.rmSync(labDir(lab), { recursive: true, force: true });
  const left = await findLeftovers(lab);
  if (!isClean(left)) throw new Error(`lab ${lab} left things behind: ${JSON.stringify(left)}`);
}
