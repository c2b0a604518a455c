// `shoal service update` flags for what runs in each task, with docker's names and
// meanings: --args, --user, --workdir, --hostname, --entrypoint, --stop-grace-period,
// --stop-signal, --restart-*, --container-label-add/-rm, --mount-add/-rm,
// --replicas-max-per-node. Only the flags given change the spec; every error names
// the flag and is raised before anything is sent.
import { Command, InvalidArgumentError } from 'commander';
import type { Service } from '../../manager/api-types';
import { collect, intOption, keyValueOption } from './options';
import { parseMount } from './service-container-flags';
import { checkTemplate, parseDurationNs, parseRestartCondition } from './service-spec';

export interface ContainerUpdateFlags {
  args?: string;
  user?: string;
  workdir?: string;
  hostname?: string;
  entrypoint?: string;
  stopGracePeriod?: string;
  stopSignal?: string;
  restartCondition?: string;
  restartDelay?: string;
  restartMaxAttempts?: number;
  restartWindow?: string;
  containerLabelAdd: Record<string, string>;
  containerLabelRm: string[];
  mountAdd: string[];
  mountRm: string[];
  replicasMaxPerNode?: number;
  envAdd?: string[];
}

export function addContainerUpdateOptions(cmd: Command): Command {
  return cmd
    .option('--args <command>', 'the service command arguments, replacing the old ones')
    .option('-u, --user <user>', 'user in the container')
    .option('-w, --workdir <dir>', 'working directory in the container')
    .option('--hostname <name>', 'container hostname (templates allowed)')
    .option('--entrypoint <command>', "override the image's entrypoint")
    .option('--stop-grace-period <duration>', 'time to wait before killing a container')
    .option('--stop-signal <signal>', 'signal that stops a container')
    .option('--restart-condition <c>', 'any, on-failure or none')
    .option('--restart-delay <duration>', 'delay between restarts')
    .option('--restart-max-attempts <n>', 'restarts before giving up', intOption('--restart-max-attempts'))
    .option('--restart-window <duration>', 'window in which restarts are counted')
    .option(
      '--container-label-add <key=value>',
      'add or change a container label',
      keyValueOption('--container-label-add'),
      {},
    )
    .option('--container-label-rm <key>', 'remove a container label', collect, [])
    .option('--mount-add <spec>', 'add or replace (same target) a mount', collect, [])
    .option('--mount-rm <target>', 'remove the mount at this target', collect, [])
    .option(
      '--replicas-max-per-node <n>',
      'maximum tasks per node (0 = no limit)',
      intOption('--replicas-max-per-node'),
    );
}

/**
 * Splits a command line as a shell would for plain words and quotes ('a b', "a b",
 * backslash escapes), as docker's --args does; anything else stays literal.
 */
export function splitArgs(flag: string, text: string): string[] {
  const out: string[] = [];
  let cur: string | undefined;
  let quote: '"' | "'" | undefined;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quote) {
      if (ch === quote) quote = undefined;
      else if (ch === '\\' && quote === '"' && i + 1 < text.length) cur += text[++i];
      else cur += ch;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
      cur ??= '';
    } else if (ch === '\\' && i + 1 < text.length) {
      cur = (cur ?? '') + text[++i];
    } else if (/\s/.test(ch)) {
      if (cur !== undefined) out.push(cur);
      cur = undefined;
    } else cur = (cur ?? '') + ch;
  }
  if (quote) throw new InvalidArgumentError(`${flag}: unclosed ${quote} in ${JSON.stringify(text)}`);
  if (cur !== undefined) out.push(cur);
  return out;
}

type Spec = NonNullable<Service['spec']>;

/** Applies the given flags to the spec's task template; flags not given change nothing. */
export function applyContainerUpdateFlags(spec: Spec, o: ContainerUpdateFlags): void {
  const task = spec.task!;
  const c = task.container!;
  for (const e of o.envAdd ?? []) checkTemplate('--env-add', e.slice(e.indexOf('=') + 1));
  if (o.args !== undefined) c.args = splitArgs('--args', o.args);
  if (o.user !== undefined) c.user = o.user;
  if (o.workdir !== undefined) c.dir = o.workdir;
  if (o.hostname !== undefined) {
    checkTemplate('--hostname', o.hostname);
    c.hostname = o.hostname;
  }
  if (o.entrypoint !== undefined) c.command = splitArgs('--entrypoint', o.entrypoint);
  if (o.stopGracePeriod !== undefined)
    c.stopGracePeriodNs = parseDurationNs('--stop-grace-period', o.stopGracePeriod);
  if (o.stopSignal !== undefined) {
    if (!/^(SIG)?[A-Z0-9+-]+$/i.test(o.stopSignal))
      throw new InvalidArgumentError(`--stop-signal: not a signal name or number: "${o.stopSignal}"`);
    c.stopSignal = o.stopSignal;
  }

  const restartGiven = [o.restartCondition, o.restartDelay, o.restartMaxAttempts, o.restartWindow].some(
    (x) => x !== undefined,
  );
  if (restartGiven) {
    const r = (task.restart ??= { condition: 'ANY', delayNs: 5e9, maxAttempts: 0, windowNs: 0 });
    if (o.restartCondition !== undefined) r.condition = parseRestartCondition(o.restartCondition);
    if (o.restartDelay !== undefined) r.delayNs = parseDurationNs('--restart-delay', o.restartDelay);
    if (o.restartMaxAttempts !== undefined) r.maxAttempts = o.restartMaxAttempts;
    if (o.restartWindow !== undefined) r.windowNs = parseDurationNs('--restart-window', o.restartWindow);
  }

  for (const k of o.containerLabelRm) {
    if (!(k in c.labels)) throw new InvalidArgumentError(`--container-label-rm: no container label "${k}"`);
  }
  const labels = { ...c.labels };
  for (const k of o.containerLabelRm) delete labels[k];
  c.labels = { ...labels, ...o.containerLabelAdd };

  if (o.mountRm.length || o.mountAdd.length) {
    const added = o.mountAdd.map(parseMount);
    for (const t of o.mountRm) {
      if (!c.mounts.some((m) => m.target === t))
        throw new InvalidArgumentError(`--mount-rm: no mount at target "${t}"`);
    }
    // As docker: a mount added at a target already mounted replaces that mount.
    const dropped = new Set([...o.mountRm, ...added.map((m) => m.target)]);
    c.mounts = [...c.mounts.filter((m) => !dropped.has(m.target)), ...added] as typeof c.mounts;
  }

  if (o.replicasMaxPerNode !== undefined) {
    task.placement ??= { constraints: [], preferences: [], maxReplicas: 0, platforms: [] };
    task.placement.maxReplicas = o.replicasMaxPerNode;
  }
}
