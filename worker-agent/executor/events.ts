// One Docker events stream per executor, fanned out to the task controllers by container
// id. One stream rather than one per task keeps the daemon's load flat with many tasks.
// When the stream breaks (daemon restart, socket hiccup) the hub reconnects from the
// last event's time, so nothing is missed, and tells every subscriber to re-check its
// container in case an event fell into the gap.
import type Docker from 'dockerode';
import { DockerEvent } from './transitions';
import { LABEL } from './labels';

export interface EventSubscriber {
  onEvent(ev: DockerEvent): void;
  /** The stream was re-established; events may have been missed. */
  onResync(): void;
}

export interface EventHubOptions {
  reconnectDelayMs?: number;
  log?: (line: string) => void;
}

export class EventHub {
  private readonly subscribers = new Map<string, Set<EventSubscriber>>();
  private stream: NodeJS.ReadableStream | undefined;
  private abort: AbortController | undefined;
  private closed = false;
  private lastTimeNano = 0;
  private buffer = '';
  private reconnectTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly docker: Docker,
    private readonly opts: EventHubOptions = {},
  ) {}

  /** Opens the stream; resolves once the daemon accepted the subscription. */
  async start(): Promise<void> {
    await this.connect();
  }

  subscribe(containerId: string, sub: EventSubscriber): () => void {
    let set = this.subscribers.get(containerId);
    if (!set) this.subscribers.set(containerId, (set = new Set()));
    set.add(sub);
    return () => {
      set!.delete(sub);
      if (!set!.size) this.subscribers.delete(containerId);
    };
  }

  close(): void {
    this.closed = true;
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    this.abort?.abort();
    const s = this.stream as (NodeJS.ReadableStream & { destroy?: () => void }) | undefined;
    s?.destroy?.();
    this.stream = undefined;
  }

  private async connect(): Promise<void> {
    this.abort = new AbortController();
    const filters = { type: ['container'], label: [LABEL.taskId] };
    // timeNano overflows a double's integer precision; back off 1ms so rounding never skips
    // an event (a replayed one is harmless: controllers act on state, not on counts).
    const since = this.lastTimeNano ? (this.lastTimeNano / 1e9 - 0.001).toFixed(6) : undefined;
    const stream = (await this.docker.getEvents({
      filters,
      ...(since ? { since } : {}),
      abortSignal: this.abort.signal,
    } as Docker.GetEventsOptions)) as NodeJS.ReadableStream;
    if (this.closed) {
      (stream as NodeJS.ReadableStream & { destroy?: () => void }).destroy?.();
      return;
    }
    this.stream = stream;
    this.buffer = '';
    stream.on('data', (chunk: Buffer | string) => this.onData(chunk));
    const broken = (why: string) => {
      if (this.stream !== stream) return;
      this.stream = undefined;
      if (!this.closed) this.scheduleReconnect(why);
    };
    stream.on('error', (err: Error) => broken(err.message));
    stream.on('end', () => broken('stream ended'));
    stream.on('close', () => broken('stream closed'));
  }

  private scheduleReconnect(why: string): void {
    this.opts.log?.(`docker events stream broke (${why}); reconnecting`);
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = undefined;
      this.connect().then(
        () => {
          for (const set of this.subscribers.values()) for (const s of [...set]) s.onResync();
        },
        (err: Error) => (this.closed ? undefined : this.scheduleReconnect(err.message)),
      );
    }, this.opts.reconnectDelayMs ?? 500);
  }

  private onData(chunk: Buffer | string): void {
    this.buffer += chunk.toString();
    let nl: number;
    while ((nl = this.buffer.indexOf('\n')) >= 0) {
      const line = this.buffer.slice(0, nl).trim();
      this.buffer = this.buffer.slice(nl + 1);
      if (!line) continue;
      let ev: DockerEvent;
      try {
        ev = JSON.parse(line) as DockerEvent;
      } catch {
        this.opts.log?.(`ignoring unparsable docker event: ${line.slice(0, 200)}`);
        continue;
      }
      this.dispatch(ev);
    }
  }

  /** Exposed for the stream handler; delivers one event to its container's subscribers. */
  dispatch(ev: DockerEvent): void {
    if (ev.timeNano) this.lastTimeNano = Math.max(this.lastTimeNano, ev.timeNano);
    const id = ev.Actor?.ID ?? ev.id;
    if (!id) return;
    const set = this.subscribers.get(id);
    if (set) for (const s of [...set]) s.onEvent(ev);
  }
}
