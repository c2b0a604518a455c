// A task's container logs as lines tagged with the task, the building block of
// `shoal service logs`: each agent streams its own tasks' lines, the CLI merges them
// (by timestamp) across hosts. The container is found by its task label, so the lines
// of a task stay reachable after the agent restarted.
import type Docker from 'dockerode';
import { identityOf, LABEL } from '../executor/labels';
import { FrameDemuxer, LineSplitter, LogStream } from './demux';

export interface TaskLogOptions {
  follow?: boolean;
  /** Lines from the end to start with; 'all' (default) for everything. */
  tail?: number | 'all';
  /** Only lines from this time on (a Date, or Unix seconds). */
  since?: Date | number;
  timestamps?: boolean;
  stdout?: boolean;
  stderr?: boolean;
  signal?: AbortSignal;
}

export interface TaskLogLine {
  taskId: string;
  taskName: string;
  serviceId: string;
  nodeId: string;
  containerId: string;
  stream: LogStream;
  timestamp?: string;
  line: string;
}

export class TaskLogsError extends Error {}

async function findContainer(docker: Docker, taskId: string): Promise<Docker.ContainerInfo> {
  const found = await docker.listContainers({ all: true, filters: { label: [`${LABEL.taskId}=${taskId}`] } });
  if (!found.length) throw new TaskLogsError(`no container of task ${taskId} on this node`);
  return found.sort((a, b) => b.Created - a.Created)[0];
}

function validate(opts: TaskLogOptions): void {
  if (opts.tail !== undefined && opts.tail !== 'all' && !(Number.isInteger(opts.tail) && opts.tail >= 0))
    throw new TaskLogsError(`tail: expected a whole number >= 0 or "all", got ${JSON.stringify(opts.tail)}`);
  if (opts.since !== undefined) {
    const t = opts.since instanceof Date ? opts.since.getTime() : opts.since;
    if (!Number.isFinite(t) || t < 0)
      throw new TaskLogsError(`since: expected a date or Unix seconds, got ${String(opts.since)}`);
  }
}

/**
 * Lines of the task's container, in order; with `follow` it ends when the container
 * stops (or `signal` aborts). Containers with a TTY have one raw stream, reported as stdout.
 */
export async function* taskLogs(
  docker: Docker,
  taskId: string,
  opts: TaskLogOptions = {},
): AsyncGenerator<TaskLogLine> {
  validate(opts);
  const info = await findContainer(docker, taskId);
  const id = identityOf(info.Labels)!;
  const container = docker.getContainer(info.Id);
  const tty = (await container.inspect()).Config?.Tty === true;
  const since = opts.since instanceof Date ? Math.floor(opts.since.getTime() / 1000) : opts.since;
  const params = {
    follow: opts.follow ?? false,
    stdout: opts.stdout ?? true,
    stderr: opts.stderr ?? true,
    timestamps: opts.timestamps ?? false,
    tail: opts.tail === undefined ? 'all' : String(opts.tail),
    ...(since !== undefined ? { since } : {}),
    ...(opts.signal ? { abortSignal: opts.signal } : {}),
  };
  // dockerode returns a Buffer without follow and a stream with it.
  const logs = container.logs.bind(container) as unknown as (
    p: object,
  ) => Promise<Buffer | NodeJS.ReadableStream>;
  const body = await logs(params);
  const demux = new FrameDemuxer();
  const lines = new LineSplitter(params.timestamps);
  const tag = (l: { stream: LogStream; text: string; timestamp?: string }): TaskLogLine => ({
    taskId: id.taskId,
    taskName: id.taskName,
    serviceId: id.serviceId,
    nodeId: id.nodeId,
    containerId: info.Id,
    stream: l.stream,
    ...(l.timestamp ? { timestamp: l.timestamp } : {}),
    line: l.text,
  });
  const decode = (chunk: Buffer) =>
    tty ? lines.push('stdout', chunk) : demux.push(chunk).flatMap((f) => lines.push(f.stream, f.payload));

  if (Buffer.isBuffer(body)) {
    for (const l of decode(body)) yield tag(l);
  } else {
    try {
      for await (const chunk of body as AsyncIterable<Buffer | string>) {
        for (const l of decode(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk))) yield tag(l);
      }
    } catch (err) {
      if (!opts.signal?.aborted) throw err;
    } finally {
      (body as NodeJS.ReadableStream & { destroy?: () => void }).destroy?.();
    }
  }
  for (const l of lines.flush()) yield tag(l);
}
