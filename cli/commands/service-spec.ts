// `shoal service create/update` flags -> a ServiceSpec, with docker's flag names and
// meanings. Every error names the flag, and is raised before anything is sent.
import { InvalidArgumentError } from 'commander';
import type { ServiceInput } from '../../proto/api-types';
import { expandTemplate, TemplateContext, TemplateError } from '../../worker-agent/executor/template';

type Spec = NonNullable<ServiceInput['spec']>;
type Port = NonNullable<NonNullable<Spec['endpoint']>['ports']>[number];

const RESTART_CONDITIONS: Record<string, 'ANY' | 'ON_FAILURE' | 'NONE'> = {
  any: 'ANY',
  'on-failure': 'ON_FAILURE',
  none: 'NONE',
};

/** docker's durations: 10s, 1m30s, 500ms, 2h; a bare number is seconds. */
export function parseDurationNs(flag: string, text: string): number {
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1e9);
  const re = /(\d+(?:\.\d+)?)(ns|us|ms|s|m|h)/g;
  const unit: Record<string, number> = { ns: 1, us: 1e3, ms: 1e6, s: 1e9, m: 60e9, h: 3600e9 };
  let total = 0;
  let consumed = 0;
  for (const m of text.matchAll(re)) {
    total += Number(m[1]) * unit[m[2]];
    consumed += m[0].length;
  }
  if (consumed === 0 || consumed !== text.length)
    throw new InvalidArgumentError(`${flag}: "${text}" is not a duration (like 10s, 1m30s, 500ms)`);
  return Math.round(total);
}

/**
 * --publish in docker's two forms: "published:target[/proto]" and
 * "mode=host,target=80,published=8080,protocol=tcp". Only host mode is supported (no
 * routing mesh yet), so the short form must say mode=host through the long form.
 */
export function parsePublish(text: string): Port {
  const port: Port = { protocol: 'TCP', publishMode: 'INGRESS', targetPort: 0, publishedPort: 0 };
  const num = (k: string, v: string): number => {
    if (!/^\d+$/.test(v) || Number(v) < 1 || Number(v) > 65535)
      throw new InvalidArgumentError(`--publish: ${k} must be a port number 1-65535, got "${v}"`);
    return Number(v);
  };
  const proto = (v: string): Port['protocol'] => {
    if (!['tcp', 'udp', 'sctp'].includes(v))
      throw new InvalidArgumentError(`--publish: protocol must be tcp, udp or sctp, got "${v}"`);
    return v.toUpperCase() as Port['protocol'];
  };
  if (text.includes('=')) {
    for (const part of text.split(',')) {
      const eq = part.indexOf('=');
      const k = part.slice(0, eq).trim();
      const v = part.slice(eq + 1).trim();
      if (eq <= 0) throw new InvalidArgumentError(`--publish: "${part}" must look like key=value`);
      if (k === 'target') port.targetPort = num(k, v);
      else if (k === 'published') port.publishedPort = num(k, v);
      else if (k === 'protocol') port.protocol = proto(v);
      else if (k === 'mode') {
        if (v !== 'host' && v !== 'ingress')
          throw new InvalidArgumentError(`--publish: mode must be host or ingress, got "${v}"`);
        port.publishMode = v === 'host' ? 'HOST' : 'INGRESS';
      } else
        throw new InvalidArgumentError(
          `--publish: unknown key "${k}"; keys: mode, target, published, protocol`,
        );
    }
  } else {
    const m = /^(?:(\d+):)?(\d+)(?:\/(\w+))?$/.exec(text);
    if (!m) throw new InvalidArgumentError(`--publish: "${text}" must look like PUBLISHED:TARGET[/PROTO]`);
    if (m[1]) port.publishedPort = num('published', m[1]);
    port.targetPort = num('target', m[2]);
    if (m[3]) port.protocol = proto(m[3]);
  }
  if (!port.targetPort) throw new InvalidArgumentError(`--publish: "${text}" has no target port`);
  if (port.publishMode !== 'HOST')
    throw new InvalidArgumentError(
      `--publish: "${text}": the routing mesh (mode=ingress) is not supported yet; use mode=host,target=N,published=M`,
    );
  return port;
}

export function parseRestartCondition(text: string): 'ANY' | 'ON_FAILURE' | 'NONE' {
  const c = RESTART_CONDITIONS[text];
  if (!c)
    throw new InvalidArgumentError(`--restart-condition: must be any, on-failure or none, got "${text}"`);
  return c;
}

export function parseEnv(flag: string, text: string): string {
  if (!/^[^=\s]+=/.test(text)) throw new InvalidArgumentError(`${flag}: "${text}" must look like KEY=value`);
  return text;
}

export type Mode = 'replicated' | 'global' | 'replicated-job' | 'global-job';
const MODES: readonly Mode[] = ['replicated', 'global', 'replicated-job', 'global-job'];

export function parseMode(text: string): Mode {
  if (!(MODES as readonly string[]).includes(text))
    throw new InvalidArgumentError(
      `--mode: must be replicated, global, replicated-job or global-job, got "${text}"`,
    );
  return text as Mode;
}

export const isJobMode = (mode: Mode): boolean => mode === 'replicated-job' || mode === 'global-job';

/**
 * Go-template placeholders ({{.Task.Slot}}, ...) in a flag's value, checked at create time
 * with the expander the agents use, so a typo is an error naming the flag instead of a
 * task rejected on every node.
 */
export function checkTemplate(flag: string, text: string): void {
  try {
    expandTemplate(text, SAMPLE_TEMPLATE_CONTEXT, flag);
  } catch (err) {
    if (err instanceof TemplateError) throw new InvalidArgumentError(`${err.message} in "${text}"`);
    throw err;
  }
}

const SAMPLE_TEMPLATE_CONTEXT: TemplateContext = {
  service: { id: 'id', name: 'name', labels: {} },
  task: { id: 'id', name: 'name', slot: '1' },
  node: { id: 'id', hostname: 'host', platform: { os: 'linux', architecture: 'amd64' } },
};

export interface CreateFlags {
  name?: string;
  mode: string;
  replicas?: number;
  env: string[];
  label: Record<string, string>;
  containerLabel: Record<string, string>;
  constraint: string[];
  publish: string[];
  restartCondition?: string;
  restartDelay?: string;
  restartMaxAttempts?: number;
  restartWindow?: string;
  stopGracePeriod?: string;
  hostname?: string;
  workdir?: string;
  user?: string;
  /** docker's --replicas-max-per-node; --max-replicas is the older spelling. */
  replicasMaxPerNode?: number;
  maxReplicas?: number;
  maxConcurrent?: number;
}

export function specFromFlags(image: string, args: string[], o: CreateFlags): Spec {
  if (!o.name) throw new InvalidArgumentError('--name: required');
  const mode = parseMode(o.mode);
  const job = isJobMode(mode);
  if ((mode === 'global' || mode === 'global-job') && o.replicas !== undefined)
    throw new InvalidArgumentError(`--replicas: only for --mode replicated or replicated-job, not ${mode}`);
  if (o.maxConcurrent !== undefined && mode !== 'replicated-job')
    throw new InvalidArgumentError(`--max-concurrent: only for --mode replicated-job, not ${mode}`);
  if (mode === 'replicated-job' && o.replicas === 0)
    throw new InvalidArgumentError('--replicas: a replicated job needs at least 1 completion');
  if (o.maxConcurrent === 0) throw new InvalidArgumentError('--max-concurrent: must be at least 1');
  const env = o.env.map((e) => parseEnv('--env', e));
  for (const e of env) checkTemplate('--env', e.slice(e.indexOf('=') + 1));
  if (o.hostname) checkTemplate('--hostname', o.hostname);
  // `docker service create IMAGE -- CMD` leaves the "--" to us.
  const command = args[0] === '--' ? args.slice(1) : args;
  const spec: Spec = {
    annotations: { name: o.name, labels: o.label },
    task: {
      container: {
        image,
        args: command,
        env,
        labels: o.containerLabel,
        hostname: o.hostname ?? '',
        dir: o.workdir ?? '',
        user: o.user ?? '',
        stopGracePeriodNs:
          o.stopGracePeriod !== undefined ? parseDurationNs('--stop-grace-period', o.stopGracePeriod) : 0,
      },
      restart: {
        // Docker's default: services restart whatever the exit, jobs only when they fail.
        condition: o.restartCondition
          ? parseRestartCondition(o.restartCondition)
          : job
            ? 'ON_FAILURE'
            : 'ANY',
        delayNs: o.restartDelay !== undefined ? parseDurationNs('--restart-delay', o.restartDelay) : 5e9,
        maxAttempts: o.restartMaxAttempts ?? 0,
        windowNs: o.restartWindow !== undefined ? parseDurationNs('--restart-window', o.restartWindow) : 0,
      },
      placement: { constraints: o.constraint, maxReplicas: o.replicasMaxPerNode ?? o.maxReplicas ?? 0 },
    },
    endpoint: { mode: 'VIP', ports: o.publish.map(parsePublish) },
  };
  if (mode === 'global') spec.global = {};
  else if (mode === 'global-job') spec.globalJob = {};
  else if (mode === 'replicated-job') {
    // --replicas is the number of completions; --max-concurrent defaults to it.
    const total = o.replicas ?? 1;
    spec.replicatedJob = { totalCompletions: total, maxConcurrent: o.maxConcurrent ?? total };
  } else spec.replicated = { replicas: o.replicas ?? 1 };
  return spec;
}
