// `--update-*` and `--rollback-*` flags of `shoal service create|update` -> the spec's
// UpdateConfig, with docker's names, defaults (parallelism 1, no delay, stop-first,
// pause, monitor 5s) and field-named errors raised before anything is sent.
import { Command, InvalidArgumentError } from 'commander';
import type { UpdateConfig__Output as UpdateConfig } from '../../proto/gen/shoal/api/UpdateConfig';
import { intOption } from './options';
import { parseDurationNs } from './service-spec';

export interface UpdateConfigFlags {
  parallelism?: number;
  delay?: string;
  order?: string;
  failureAction?: string;
  monitor?: string;
  maxFailureRatio?: string;
}

type Kind = 'update' | 'rollback';

const ORDERS: Record<string, 'STOP_FIRST' | 'START_FIRST'> = {
  'stop-first': 'STOP_FIRST',
  'start-first': 'START_FIRST',
};
const ACTIONS: Record<string, 'PAUSE' | 'CONTINUE' | 'ROLLBACK'> = {
  pause: 'PAUSE',
  continue: 'CONTINUE',
  rollback: 'ROLLBACK',
};

export const DEFAULT_UPDATE_CONFIG: UpdateConfig = {
  parallelism: 1,
  delayNs: 0,
  order: 'STOP_FIRST',
  failureAction: 'PAUSE',
  monitorNs: 5e9,
  maxFailureRatio: 0,
};

export function addUpdateConfigOptions(cmd: Command, kind: Kind): Command {
  return cmd
    .option(
      `--${kind}-parallelism <n>`,
      `tasks ${kind}d at once (0 = all)`,
      intOption(`--${kind}-parallelism`),
    )
    .option(`--${kind}-delay <duration>`, `delay between ${kind} batches`)
    .option(`--${kind}-order <order>`, 'stop-first or start-first')
    .option(
      `--${kind}-failure-action <action>`,
      kind === 'update' ? 'pause, continue or rollback' : 'pause or continue',
    )
    .option(`--${kind}-monitor <duration>`, `how long after each task starts to watch it for failure`)
    .option(`--${kind}-max-failure-ratio <ratio>`, 'share of failed tasks tolerated (0..1)');
}

/** Commander's camel-cased flags of one kind, e.g. updateParallelism -> parallelism. */
export function updateFlagsOf(o: Record<string, unknown>, kind: Kind): UpdateConfigFlags {
  const get = (k: string) => o[kind + k] as never;
  return {
    parallelism: get('Parallelism'),
    delay: get('Delay'),
    order: get('Order'),
    failureAction: get('FailureAction'),
    monitor: get('Monitor'),
    maxFailureRatio: get('MaxFailureRatio'),
  };
}

export const hasUpdateFlags = (f: UpdateConfigFlags): boolean =>
  Object.values(f).some((v) => v !== undefined);

/** The first flag of this kind that was given, as typed (`--update-parallelism`), for errors. */
export function firstUpdateFlag(f: UpdateConfigFlags, kind: Kind): string | undefined {
  const key = (Object.keys(f) as Array<keyof UpdateConfigFlags>).find((k) => f[k] !== undefined);
  return key && `--${kind}-${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
}

/** The config with the given flags applied over `base` (docker's defaults when none). */
export function applyUpdateFlags(kind: Kind, f: UpdateConfigFlags, base?: UpdateConfig | null): UpdateConfig {
  const out: UpdateConfig = { ...DEFAULT_UPDATE_CONFIG, ...(base ?? {}) };
  if (f.parallelism !== undefined) out.parallelism = f.parallelism;
  if (f.delay !== undefined) out.delayNs = parseDurationNs(`--${kind}-delay`, f.delay);
  if (f.monitor !== undefined) out.monitorNs = parseDurationNs(`--${kind}-monitor`, f.monitor);
  if (f.order !== undefined) {
    const order = ORDERS[f.order];
    if (!order)
      throw new InvalidArgumentError(`--${kind}-order: must be stop-first or start-first, got "${f.order}"`);
    out.order = order;
  }
  if (f.failureAction !== undefined) {
    const action = ACTIONS[f.failureAction];
    // A rollback that fails cannot itself roll back.
    if (!action || (kind === 'rollback' && action === 'ROLLBACK'))
      throw new InvalidArgumentError(
        `--${kind}-failure-action: must be ${kind === 'update' ? 'pause, continue or rollback' : 'pause or continue'}, got "${f.failureAction}"`,
      );
    out.failureAction = action;
  }
  if (f.maxFailureRatio !== undefined) {
    const r = Number(f.maxFailureRatio);
    if (!/^\d*\.?\d+$/.test(f.maxFailureRatio) || r > 1)
      throw new InvalidArgumentError(
        `--${kind}-max-failure-ratio: must be a number between 0 and 1, got "${f.maxFailureRatio}"`,
      );
    out.maxFailureRatio = r;
  }
  return out;
}
