// Serves one log subscription on this node: finds the containers of the selected tasks
// (history included, as long as a container exists), streams each one's lines with
// taskLogs and hands them, in batches, to the sink (the PublishLogs call). Without
// follow it ends when every container's log was read; with follow it also picks up
// containers that start later (a scale up) and runs until the signal aborts.
import type Docker from 'dockerode';
import type { LogMessage } from '../../proto/gen/shoal/api/LogMessage';
import { identityOf, LABEL, type ContainerIdentity } from '../executor/labels';
import { taskLogs, type TaskLogOptions } from './task-logs';

export interface LogSubscriptionRequest {
  selector: { serviceIds: string[]; taskIds: string[] };
  options: { follow: boolean; tail: number; sinceUnixMs: number };
}

export interface PublishBatch {
  messages: LogMessage[];
  warnings: string[];
}

export interface PublishSink {
  /** false: the receiver is full; wait for drain() before writing more. */
  write(batch: PublishBatch): boolean;
  drain(): Promise<void>;
}

/** How often a follow subscription looks for containers that started since. */
export const FOLLOW_SCAN_MS = 1_000;
/** Lines per PublishLogs message. */
const BATCH = 100;

export function selectsContainer(sub: LogSubscriptionRequest, id: ContainerIdentity): boolean {
  return sub.selector.serviceIds.includes(id.serviceId) || sub.selector.taskIds.includes(id.taskId);
}

/** Collects lines from concurrent streams into batches; awaits the sink's room (back-pressure). */
export class LineBatcher {
  private pending: PublishBatch = { messages: [], warnings: [] };
  private scheduled = false;
  private full: Promise<void> | undefined;

  constructor(private readonly sink: PublishSink) {}

  async push(message: LogMessage): Promise<void> {
    this.pending.messages.push(message);
    if (this.pending.messages.length >= BATCH) this.flush();
    else this.schedule();
    if (this.full) await this.full;
  }

  warn(warning: string): void {
    this.pending.warnings.push(warning);
    this.schedule();
  }

  flush(): void {
    this.scheduled = false;
    if (!this.pending.messages.length && !this.pending.warnings.length) return;
    const batch = this.pending;
    this.pending = { messages: [], warnings: [] };
    if (!this.sink.write(batch) && !this.full)
      this.full = this.sink.drain().finally(() => (this.full = undefined));
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => this.flush());
  }
}

function dockerOptions(sub: LogSubscriptionRequest, initial: boolean, signal: AbortSignal): TaskLogOptions {
  const { follow, tail, sinceUnixMs } = sub.options;
  return {
    follow,
    // --tail applies to what existed when the operator asked; a later task is all new.
    tail: initial && tail >= 0 ? tail : 'all',
    ...(sinceUnixMs > 0 ? { since: new Date(sinceUnixMs) } : {}),
    timestamps: true, // always: the CLI orders lines by them and prints them on request
    signal,
  };
}

async function matchingContainers(docker: Docker, sub: LogSubscriptionRequest) {
  const found = await docker.listContainers({ all: true, filters: { label: [LABEL.taskId] } });
  return found
    .map((c) => ({ id: c.Id, identity: identityOf(c.Labels), started: c.State !== 'created' }))
    .filter((c) => c.identity && selectsContainer(sub, c.identity));
}

export async function publishSubscription(
  docker: Docker,
  sub: LogSubscriptionRequest,
  sink: PublishSink,
  signal: AbortSignal,
): Promise<void> {
  const out = new LineBatcher(sink);
  const streams: Array<Promise<void>> = [];
  const seen = new Set<string>();

  const stream = async (taskId: string, initial: boolean) => {
    try {
      for await (const l of taskLogs(docker, taskId, dockerOptions(sub, initial, signal))) {
        if (signal.aborted) return;
        await out.push({
          context: { serviceId: l.serviceId, nodeId: l.nodeId, taskId: l.taskId },
          stream: l.stream === 'stderr' ? 'STDERR' : 'STDOUT',
          timestamp: l.timestamp ?? '',
          line: l.line,
        });
      }
    } catch (err) {
      if (!signal.aborted) out.warn(`task ${taskId}: cannot read its logs: ${(err as Error).message}`);
    }
  };
  const startNew = (containers: Awaited<ReturnType<typeof matchingContainers>>, initial: boolean) => {
    for (const c of containers) {
      if (seen.has(c.id)) continue;
      seen.add(c.id);
      streams.push(stream(c.identity!.taskId, initial));
    }
  };

  startNew(await matchingContainers(docker, sub), true);
  if (sub.options.follow) {
    // Polling the container list, rather than a docker events stream, keeps this module
    // to one moving part; a second of delay on a new task's first lines is fine here.
    while (!signal.aborted) {
      await new Promise<void>((resolve) => {
        const t = setTimeout(done, FOLLOW_SCAN_MS);
        signal.addEventListener('abort', done, { once: true });
        function done() {
          clearTimeout(t);
          signal.removeEventListener('abort', done);
          resolve();
        }
      });
      if (signal.aborted) break;
      try {
        // Not yet started: its log would end at once; take it on a later scan.
        startNew(
          (await matchingContainers(docker, sub)).filter((c) => c.started),
          false,
        );
      } catch (err) {
        out.warn(`cannot list this node's containers: ${(err as Error).message}`);
      }
    }
  }
  await Promise.all(streams);
  out.flush();
}
