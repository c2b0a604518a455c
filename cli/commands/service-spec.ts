// `shoal service create/update` flags -> a ServiceSpec, with docker's flag names and
// meanings. Every error names the flag, and is raised before anything is sent.
import { InvalidArgumentError } from 'commander';
import type { ServiceInput } from '../../proto/api-types';

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

export function parseMode(text: string): 'replicated' | 'global' {
  if (text !== 'replicated' && text !== 'global')
    throw new InvalidArgumentError(`--mode: must be replicated or global, got "${text}"`);
  return text;
}

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
  maxReplicas?: number;
}

export function specFromFlags(image: string, args: string[], o: CreateFlags): Spec {
  if (!o.name) throw new InvalidArgumentError('--name: required');
  const mode = parseMode(o.mode);
  if (mode === 'global' && o.replicas !== undefined)
    throw new InvalidArgumentError('--replicas: only for --mode replicated');
  const spec: Spec = {
    annotations: { name: o.name, labels: o.label },
    task: {
      container: {
        image,
        args,
        env: o.env.map((e) => parseEnv('--env', e)),
        labels: o.containerLabel,
        hostname: o.hostname ?? '',
        dir: o.workdir ?? '',
        user: o.user ?? '',
        stopGracePeriodNs:
          o.stopGracePeriod !== undefined ? parseDurationNs('--stop-grace-period', o.stopGracePeriod) : 0,
      },
      restart: {
        condition: o.restartCondition ? parseRestartCondition(o.restartCondition) : 'ANY',
        delayNs: o.restartDelay !== undefined ? parseDurationNs('--restart-delay', o.restartDelay) : 5e9,
        maxAttempts: o.restartMaxAttempts ?? 0,
        windowNs: o.restartWindow !== undefined ? parseDurationNs('--restart-window', o.restartWindow) : 0,
      },
      placement: { constraints: o.constraint, maxReplicas: o.maxReplicas ?? 0 },
    },
    endpoint: { mode: 'VIP', ports: o.publish.map(parsePublish) },
  };
  if (mode === 'global') spec.global = {};
  else spec.replicated = { replicas: o.replicas ?? 1 };
  return spec;
}
