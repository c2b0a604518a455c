// `shoal service logs SERVICE|TASK`, as `docker service logs`: the lines of every task of
// a service (or of one task), from all the nodes holding them, each prefixed with the
// task and node (`web.1.abcdef123456@w1    | line`). stdout lines go to stdout, stderr
// lines to stderr. Without -f the lines are printed in time order once every node has
// sent its part; with -f they are printed as they come until Ctrl-C.
import type * as Grpc from '@grpc/grpc-js';
import { Command } from 'commander';
import type { Service, Task } from '../../manager/api-types';
import type { GetServiceResponse__Output } from '../../proto/gen/shoal/api/GetServiceResponse';
import type { GetTaskResponse__Output } from '../../proto/gen/shoal/api/GetTaskResponse';
import type { LogMessage__Output } from '../../proto/gen/shoal/api/LogMessage';
import type { LogContext__Output } from '../../proto/gen/shoal/api/LogContext';
import type { SubscribeLogsMessage__Output } from '../../proto/gen/shoal/api/SubscribeLogsMessage';
import { addConnectionOptions, ConnectionOptions, control, controlClient } from '../control-client';
import { GrpcStatus } from '../socket-call';

export interface LogFormat {
  noTaskIds?: boolean;
  noTrunc?: boolean;
  raw?: boolean;
  timestamps?: boolean;
  /** Digits of the largest slot: docker pads shorter slots so the bars line up. */
  slotWidth: number;
}

const DURATION_UNITS: Record<string, number> = {
  ns: 1e-6,
  us: 1e-3,
  µs: 1e-3,
  ms: 1,
  s: 1e3,
  m: 60e3,
  h: 3600e3,
};
const DURATION = /^(?:\d+(?:\.\d+)?(?:ns|us|µs|ms|s|m|h))+$/;

/**
 * docker's --since: a Go duration before now ("10m", "1h30m"), an RFC 3339 time or date
 * ("2026-11-22T17:00:00Z", "2026-11-22"), or Unix seconds ("1763830800.5"). Unix ms out.
 */
export function parseSince(value: string, now: number): number {
  const v = value.trim();
  if (DURATION.test(v)) {
    let ms = 0;
    for (const [, n, unit] of v.matchAll(/(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)/g))
      ms += Number(n) * DURATION_UNITS[unit];
    return Math.max(0, Math.round(now - ms));
  }
  if (/^\d+(\.\d+)?$/.test(v)) return Math.round(Number(v) * 1000);
  if (/^\d{4}-\d\d-\d\d([T ]\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:?\d\d)?)?$/i.test(v)) {
    const t = Date.parse(v.replace(' ', 'T'));
    if (Number.isFinite(t) && t >= 0) return t;
  }
  throw new Error(
    `--since: expected a duration (10m, 1h30m), an RFC 3339 time (2026-11-22T17:00:00Z) or Unix seconds, got "${value}"`,
  );
}

/** docker's --tail: "all" or a number of lines from the end of each task's log; -1 means all. */
export function parseTail(value: string): number {
  const v = value.trim();
  if (v === 'all') return -1;
  if (!/^\d+$/.test(v)) throw new Error(`--tail: expected a whole number >= 0 or "all", got "${value}"`);
  return Number(v);
}

/** `web.1.abcdef123456@w1`; `web.1@w1` without task ids; global tasks name the node id. */
export function taskPrefix(c: LogContext__Output, f: Pick<LogFormat, 'noTaskIds' | 'noTrunc'>): string {
  const slot = Number(c.slot);
  let name = slot > 0 ? `${c.serviceName}.${slot}` : `${c.serviceName}.${c.nodeId}`;
  if (!f.noTaskIds) name += `.${f.noTrunc ? c.taskId : c.taskId.slice(0, 12)}`;
  return `${name}@${c.nodeHostname || c.nodeId}`;
}

const digits = (n: number): number => String(Math.max(0, Math.trunc(n))).length;

/** One output line, without its newline. */
export function formatLine(m: LogMessage__Output, f: LogFormat): string {
  const text = f.timestamps && m.timestamp ? `${m.timestamp} ${m.line}` : m.line;
  if (f.raw || !m.context) return text;
  const pad = ' '.repeat(Math.max(0, f.slotWidth - digits(Number(m.context.slot))));
  return `${taskPrefix(m.context, f)}${pad}    | ${text}`;
}

/** An RFC 3339 timestamp as [Unix seconds, nanoseconds], for exact ordering. */
export function timestampKey(ts: string): [number, number] {
  const m = /^(.*?T\d\d:\d\d:\d\d)(?:\.(\d+))?(Z|[+-]\d\d:\d\d)$/.exec(ts);
  if (!m) return [Number.MAX_SAFE_INTEGER, 0]; // no timestamp: after the dated lines
  const seconds = Math.floor(Date.parse(`${m[1]}${m[3]}`) / 1000);
  const nanos = Number((m[2] ?? '').padEnd(9, '0').slice(0, 9));
  return [seconds, nanos];
}

/** Lines of several tasks in time order; a stable sort keeps each task's own order. */
export function mergeByTime<T extends { timestamp: string }>(messages: T[]): T[] {
  const keyed = messages.map((m, i) => ({ m, i, k: timestampKey(m.timestamp) }));
  keyed.sort((a, b) => a.k[0] - b.k[0] || a.k[1] - b.k[1] || a.i - b.i);
  return keyed.map((x) => x.m);
}

interface LogsFlags extends ConnectionOptions {
  follow?: boolean;
  tail: string;
  since?: string;
  timestamps?: boolean;
  taskIds: boolean; // commander's --no-task-ids
  trunc: boolean; // --no-trunc
  raw?: boolean;
}

const isNotFound = (err: unknown) => (err as { code?: number }).code === GrpcStatus.NOT_FOUND;

/** As docker: a service first, else a task; neither is an error naming the argument. */
async function resolveTarget(
  o: ConnectionOptions,
  ref: string,
): Promise<{ selector: { serviceIds: string[]; taskIds: string[] }; slotWidth: number }> {
  try {
    const s = (await control<GetServiceResponse__Output>(o, 'GetService', { serviceId: ref }))
      .service as Service;
    const replicas = s.spec?.mode === 'global' ? 0 : Number(s.spec?.replicated?.replicas ?? 0);
    return { selector: { serviceIds: [s.id], taskIds: [] }, slotWidth: digits(replicas) };
  } catch (err) {
    if (!isNotFound(err)) throw err;
  }
  try {
    const t = (await control<GetTaskResponse__Output>(o, 'GetTask', { taskId: ref })).task as Task;
    return { selector: { serviceIds: [], taskIds: [t.id] }, slotWidth: digits(Number(t.slot)) };
  } catch (err) {
    if (isNotFound(err)) throw new Error(`SERVICE|TASK: no such service or task: ${ref}`, { cause: err });
    throw err;
  }
}

async function streamLogs(ref: string, o: LogsFlags): Promise<void> {
  const tail = parseTail(o.tail);
  const sinceUnixMs = o.since !== undefined ? parseSince(o.since, Date.now()) : 0;
  const { selector, slotWidth } = await resolveTarget(o, ref);
  const format: LogFormat = {
    noTaskIds: !o.taskIds,
    noTrunc: !o.trunc,
    raw: o.raw,
    timestamps: o.timestamps,
    slotWidth,
  };
  const client = controlClient(o);
  const call = client.SubscribeLogs({ selector, options: { follow: !!o.follow, tail, sinceUnixMs } });
  const held: LogMessage__Output[] = [];
  const emit = (m: LogMessage__Output) =>
    (m.stream === 'STDERR' ? process.stderr : process.stdout).write(`${formatLine(m, format)}\n`);
  const onSigint = () => call.cancel();
  process.once('SIGINT', onSigint);
  try {
    await new Promise<void>((resolve, reject) => {
      call.on('data', (msg: SubscribeLogsMessage__Output) => {
        for (const w of msg.warnings) process.stderr.write(`warning: ${w}\n`);
        if (o.follow) msg.messages.forEach(emit);
        else held.push(...msg.messages);
      });
      call.on('error', (err: Grpc.ServiceError) =>
        err.code === GrpcStatus.CANCELLED ? resolve() : reject(new Error(err.details || err.message)),
      );
      call.on('end', () => resolve());
    });
    mergeByTime(held).forEach(emit);
  } finally {
    process.off('SIGINT', onSigint);
    client.close();
  }
}

export function serviceLogsCommand(): Command {
  return addConnectionOptions(
    new Command('logs')
      .description('show the logs of a service or task, from every node running it')
      .argument('<service|task>', 'service id, id prefix or name; or a task id')
      .option('-f, --follow', 'keep streaming, also from tasks started later, until Ctrl-C')
      .option('-n, --tail <lines>', 'lines from the end of each task\'s log ("all" for every line)', 'all')
      .option('--since <time>', 'only lines since a time (RFC 3339, Unix seconds) or a duration ago (10m)')
      .option('-t, --timestamps', 'show timestamps')
      .option('--no-task-ids', 'leave task ids out of the prefix')
      .option('--no-trunc', 'do not truncate task ids')
      .option('--raw', 'print the lines alone, without the task@node prefix'),
  ).action((ref: string, o: LogsFlags) => streamLogs(ref, o));
}
