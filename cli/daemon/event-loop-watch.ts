// Says when the daemon's event loop could not run for a while. Heartbeats, raft ticks
// and the dispatcher's expiry timer all wait behind a blocked loop, so a stall of a
// second looks to the rest of the cluster like a dead node or a lost leader. The warning
// tells the two kinds of stall apart by the CPU the process used meanwhile: close to the
// stall's length means our own code ran without yielding; far less means the process
// waited (a synchronous disk write, or a machine too busy to schedule it).
import type { Logger } from '../log';

export interface EventLoopWatchOptions {
  /** How often the watch wakes up. */
  intervalMs?: number;
  /** Stalls at least this long are logged. */
  warnAfterMs?: number;
}

export interface Stall {
  /** How much later than due the timer ran. */
  ms: number;
  /** CPU time (user + system) the process used during the interval, in ms. */
  cpuMs: number;
}

/** Pure part: given the previous and current readings, the stall if there was one. */
export function stallBetween(
  prev: { at: number; cpuUs: number },
  now: { at: number; cpuUs: number },
  intervalMs: number,
  warnAfterMs: number,
): Stall | undefined {
  const late = now.at - prev.at - intervalMs;
  if (late < warnAfterMs) return undefined;
  return { ms: Math.round(late), cpuMs: Math.round((now.cpuUs - prev.cpuUs) / 1000) };
}

/** Starts the watch; returns a function that stops it. The timer never keeps the process alive. */
export function watchEventLoop(logger: Logger, opts: EventLoopWatchOptions = {}): () => void {
  const intervalMs = opts.intervalMs ?? 100;
  const warnAfterMs = opts.warnAfterMs ?? 300;
  const read = () => {
    const cpu = process.cpuUsage();
    return { at: performance.now(), cpuUs: cpu.user + cpu.system };
  };
  let prev = read();
  const timer = setInterval(() => {
    const now = read();
    const stall = stallBetween(prev, now, intervalMs, warnAfterMs);
    prev = now;
    if (stall)
      logger.warn('event loop was blocked', {
        ms: stall.ms,
        cpuMs: stall.cpuMs,
        cause: stall.cpuMs >= stall.ms * 0.6 ? 'busy in this process' : 'waiting (disk or CPU starved)',
      });
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
