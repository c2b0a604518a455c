// `service create` flags for what runs inside each task: mounts, health check,
// resources, entrypoint, stop signal, env files, placement preferences. Docker's names
// and forms; every error names the flag (and file:line for --env-file).
import * as fs from 'fs';
import { InvalidArgumentError } from 'commander';
import { checkTemplate, parseDurationNs, parseEnv } from './service-spec';

export interface ContainerFlags {
  mount?: string[];
  healthCmd?: string;
  healthInterval?: string;
  healthTimeout?: string;
  healthRetries?: number;
  healthStartPeriod?: string;
  healthcheck?: boolean; // false with --no-healthcheck
  reserveCpu?: string;
  reserveMemory?: string;
  limitCpu?: string;
  limitMemory?: string;
  entrypoint?: string;
  stopSignal?: string;
  envFile?: string[];
  placementPref?: string[];
}

type MountType = 'BIND' | 'VOLUME' | 'TMPFS';
export interface MountSpec {
  type: MountType;
  source: string;
  target: string;
  readOnly: boolean;
  options: Record<string, string>;
}

/** --mount type=bind,source=/a,target=/b,readonly (docker's keys, including src/dst aliases). */
export function parseMount(text: string): MountSpec {
  const m: MountSpec = { type: 'VOLUME', source: '', target: '', readOnly: false, options: {} };
  for (const part of text.split(',')) {
    const eq = part.indexOf('=');
    const key = (eq < 0 ? part : part.slice(0, eq)).trim().toLowerCase();
    const value = eq < 0 ? '' : part.slice(eq + 1).trim();
    switch (key) {
      case 'type': {
        const t = value.toUpperCase();
        if (t !== 'BIND' && t !== 'VOLUME' && t !== 'TMPFS')
          throw new InvalidArgumentError(`--mount: type must be bind, volume or tmpfs, got "${value}"`);
        m.type = t;
        break;
      }
      case 'source':
      case 'src':
        m.source = value;
        break;
      case 'target':
      case 'dst':
      case 'destination':
        m.target = value;
        break;
      case 'readonly':
      case 'ro':
        if (!['', 'true', '1', 'false', '0'].includes(value))
          throw new InvalidArgumentError(`--mount: readonly must be true or false, got "${value}"`);
        m.readOnly = value === '' || value === 'true' || value === '1';
        break;
      case 'volume-driver':
      case 'tmpfs-size':
      case 'tmpfs-mode':
        m.options[key] = value;
        break;
      default:
        if (key.startsWith('volume-opt.') || key === 'volume-opt') {
          const [k, v] =
            key === 'volume-opt' ? value.split(/=(.*)/s) : [key.slice('volume-opt.'.length), value];
          if (!k) throw new InvalidArgumentError(`--mount: volume-opt needs a name, got "${part}"`);
          m.options[`volume-opt.${k}`] = v ?? '';
        } else {
          throw new InvalidArgumentError(`--mount: unknown key "${key}" in "${text}"`);
        }
    }
  }
  // Source and target may hold templates ({{.Task.Slot}}), expanded on each node.
  checkTemplate('--mount', m.source);
  checkTemplate('--mount', m.target);
  if (!m.target.startsWith('/'))
    throw new InvalidArgumentError(`--mount: target must be an absolute path, got "${m.target}"`);
  if (m.type === 'BIND' && !m.source.startsWith('/'))
    throw new InvalidArgumentError(`--mount: a bind mount needs an absolute source path, got "${m.source}"`);
  if (m.type === 'TMPFS' && m.source)
    throw new InvalidArgumentError('--mount: a tmpfs mount takes no source');
  return m;
}

/** CPUs as docker writes them ("0.5", "2") into nano-CPUs. */
export function parseCpus(flag: string, text: string): number {
  const n = Number(text);
  if (!/^\d+(\.\d+)?$/.test(text) || !(n > 0))
    throw new InvalidArgumentError(`${flag}: must be a positive number of CPUs, got "${text}"`);
  return Math.round(n * 1e9);
}

const UNITS: Record<string, number> = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3, t: 1024 ** 4 };

/** Memory as docker writes it ("64m", "1.5g", "512MiB", "1048576") into bytes. */
export function parseBytes(flag: string, text: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*([kmgt]?)(?:i?b)?$/i.exec(text.trim());
  if (!m) throw new InvalidArgumentError(`${flag}: must be a size like 64m or 1g, got "${text}"`);
  const bytes = Math.round(Number(m[1]) * UNITS[m[2].toLowerCase()]);
  if (bytes <= 0) throw new InvalidArgumentError(`${flag}: must be more than 0, got "${text}"`);
  return bytes;
}

/** KEY=value lines; blank lines and # comments skipped; a bare KEY takes this shell's value, as docker does. */
export function readEnvFile(file: string, read = (f: string) => fs.readFileSync(f, 'utf8')): string[] {
  let text: string;
  try {
    text = read(file);
  } catch (err) {
    throw new InvalidArgumentError(
      `--env-file: cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? err}`,
    );
  }
  const out: string[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = raw.replace(/\r$/, '').trim();
    if (!line || line.startsWith('#')) return;
    const entry = line.includes('=')
      ? line
      : process.env[line] !== undefined
        ? `${line}=${process.env[line]}`
        : '';
    if (!entry) return; // docker skips a bare name that is not set
    try {
      out.push(parseEnv('--env-file', entry));
    } catch (err) {
      throw new InvalidArgumentError(
        `--env-file: ${file}:${i + 1}: ${(err as Error).message.replace(/^--env-file: /, '')}`,
      );
    }
  });
  return out;
}

export function parsePlacementPref(text: string): { spread: string } {
  const m = /^spread=(node\.labels\.[^\s=]+|engine\.labels\.[^\s=]+|node\.(?:id|hostname|role))$/.exec(
    text.trim(),
  );
  if (!m)
    throw new InvalidArgumentError(`--placement-pref: must be spread=node.labels.<label>, got "${text}"`);
  return { spread: m[1] };
}

/** Applies these flags to a spec's task template (container, resources, placement). */
export function applyContainerFlags(
  task: { container: Record<string, unknown>; resources?: unknown; placement: Record<string, unknown> },
  o: ContainerFlags,
): void {
  const c = task.container;
  if (o.mount?.length) c.mounts = o.mount.map(parseMount);
  if (o.entrypoint !== undefined) {
    const words = o.entrypoint.trim().split(/\s+/).filter(Boolean);
    if (!words.length) throw new InvalidArgumentError('--entrypoint: must not be empty');
    c.command = words;
  }
  if (o.stopSignal !== undefined) {
    if (!/^(SIG)?[A-Z0-9+-]+$/i.test(o.stopSignal))
      throw new InvalidArgumentError(`--stop-signal: not a signal name or number: "${o.stopSignal}"`);
    c.stopSignal = o.stopSignal;
  }
  if (o.envFile?.length) {
    const fromFiles = o.envFile.flatMap((f) => readEnvFile(f));
    for (const e of fromFiles) checkTemplate('--env-file', e.slice(e.indexOf('=') + 1));
    c.env = [...fromFiles, ...((c.env as string[]) ?? [])];
  }

  const healthFlags = [o.healthCmd, o.healthInterval, o.healthTimeout, o.healthRetries, o.healthStartPeriod];
  if (o.healthcheck === false) {
    if (healthFlags.some((f) => f !== undefined))
      throw new InvalidArgumentError('--no-healthcheck: conflicts with the --health-* flags');
    c.healthcheck = { test: ['NONE'] };
  } else if (healthFlags.some((f) => f !== undefined)) {
    if (o.healthRetries !== undefined && o.healthRetries < 1)
      throw new InvalidArgumentError('--health-retries: must be at least 1');
    c.healthcheck = {
      test: o.healthCmd !== undefined ? ['CMD-SHELL', o.healthCmd] : [],
      intervalNs: o.healthInterval !== undefined ? parseDurationNs('--health-interval', o.healthInterval) : 0,
      timeoutNs: o.healthTimeout !== undefined ? parseDurationNs('--health-timeout', o.healthTimeout) : 0,
      retries: o.healthRetries ?? 0,
      startPeriodNs:
        o.healthStartPeriod !== undefined ? parseDurationNs('--health-start-period', o.healthStartPeriod) : 0,
    };
  }

  const limits = {
    nanoCpus: o.limitCpu !== undefined ? parseCpus('--limit-cpu', o.limitCpu) : 0,
    memoryBytes: o.limitMemory !== undefined ? parseBytes('--limit-memory', o.limitMemory) : 0,
  };
  const reservations = {
    nanoCpus: o.reserveCpu !== undefined ? parseCpus('--reserve-cpu', o.reserveCpu) : 0,
    memoryBytes: o.reserveMemory !== undefined ? parseBytes('--reserve-memory', o.reserveMemory) : 0,
  };
  for (const k of ['nanoCpus', 'memoryBytes'] as const) {
    if (limits[k] && reservations[k] > limits[k]) {
      const what = k === 'nanoCpus' ? 'cpu' : 'memory';
      throw new InvalidArgumentError(`--reserve-${what}: more than --limit-${what}`);
    }
  }
  if (Object.values(limits).some(Boolean) || Object.values(reservations).some(Boolean))
    task.resources = { limits, reservations };
  if (o.placementPref?.length) task.placement.preferences = o.placementPref.map(parsePlacementPref);
}
