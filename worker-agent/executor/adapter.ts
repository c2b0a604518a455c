// The executor's only door to Docker: thin, idempotent wrappers over dockerode that turn
// the daemon's answers into what a controller needs (a 404 on remove is success, a name
// conflict on create means the container is already there, a pull error hidden inside
// the progress stream is an error).
import type Docker from 'dockerode';
import type { Task } from '../../proto/api-types';
import { LABEL } from './labels';

export type RegistryAuth = Docker.AuthConfig;

/** How long past the grace period a stop may take before it counts as hung. */
const STOP_SLACK_SECONDS = 30;

export class ImagePullError extends Error {
  constructor(
    readonly image: string,
    readonly reason: string,
  ) {
    super(`pulling image ${image} failed: ${reason}`);
    this.name = 'ImagePullError';
  }
}

export const statusCodeOf = (err: unknown): number | undefined =>
  typeof err === 'object' && err !== null && 'statusCode' in err
    ? Number((err as { statusCode: unknown }).statusCode)
    : undefined;

/** dockerode puts the daemon's JSON message in err.json; prefer it over the HTTP phrase. */
export function dockerMessage(err: unknown): string {
  const e = err as { json?: { message?: string }; reason?: string; message?: string };
  return e?.json?.message ?? e?.message ?? String(err);
}

export interface PullProgress {
  status?: string;
  id?: string;
  progress?: string;
}

export interface PullOptions {
  auth?: RegistryAuth;
  onProgress?: (p: PullProgress) => void;
  signal?: AbortSignal;
}

/**
 * The credentials a task carries for its pull (service created --with-registry-auth):
 * docker's X-Registry-Auth encoding, decoded so dockerode can send them. A value that
 * does not decode is no credentials: the pull then fails with the registry's own error.
 */
export function registryAuthOf(task: Task): RegistryAuth | undefined {
  const encoded = task.spec?.container?.pullOptions?.registryAuth;
  if (!encoded) return undefined;
  try {
    const auth = JSON.parse(Buffer.from(encoded, 'base64url').toString('utf8')) as {
      username?: unknown;
      password?: unknown;
      serveraddress?: unknown;
    };
    if (typeof auth?.username !== 'string' || typeof auth.password !== 'string') return undefined;
    return {
      username: auth.username,
      password: auth.password,
      serveraddress: String(auth.serveraddress ?? ''),
    };
  } catch {
    return undefined;
  }
}

/** One pull in flight, shared by every task that waits for the same image with the same credentials. */
interface SharedPull {
  done: Promise<void>;
  abort: AbortController;
  waiters: number;
  listeners: Set<(p: PullProgress) => void>;
}

/** A reference that names its content ("name@sha256:...", "name:tag@sha256:..."): it cannot change. */
export const hasDigest = (ref: string): boolean =>
  /@[a-z0-9]+(?:[+._-][a-z0-9]+)*:[a-fA-F0-9]{32,}$/.test(ref);

export class ContainerAdapter {
  private readonly pulls = new Map<string, SharedPull>();

  constructor(readonly docker: Docker) {}

  /**
   * Pulls `ref`. Tasks of one service land on a node together: they share one pull of
   * their image instead of asking the registry once each. A waiter that aborts (its task
   * is stopped) leaves; the pull itself is aborted only when no task waits for it any more.
   */
  async pullImage(ref: string, opts: PullOptions = {}): Promise<void> {
    // Credentials are part of the key: a pull without them must not stand in for one with them.
    const key = `${ref}\u0000${opts.auth ? JSON.stringify(opts.auth) : ''}`;
    let shared = this.pulls.get(key);
    if (!shared) {
      const abort = new AbortController();
      const listeners = new Set<(p: PullProgress) => void>();
      const entry: SharedPull = {
        abort,
        listeners,
        waiters: 0,
        done: this.pullOnce(ref, {
          auth: opts.auth,
          signal: abort.signal,
          onProgress: (p) => listeners.forEach((l) => l(p)),
        }).finally(() => {
          if (this.pulls.get(key) === entry) this.pulls.delete(key);
        }),
      };
      shared = entry;
      this.pulls.set(key, shared);
    }
    shared.waiters++;
    if (opts.onProgress) shared.listeners.add(opts.onProgress);
    try {
      await untilAborted(shared.done, opts.signal, () => new ImagePullError(ref, 'aborted'));
    } finally {
      shared.waiters--;
      if (opts.onProgress) shared.listeners.delete(opts.onProgress);
      if (shared.waiters === 0 && opts.signal?.aborted) shared.abort.abort();
    }
  }

  /**
   * One pull, reading the progress stream to its end: the daemon answers 200 and then
   * reports failures (unknown tag, auth) as an `error` line inside the stream.
   */
  private async pullOnce(ref: string, opts: PullOptions): Promise<void> {
    let stream: NodeJS.ReadableStream;
    try {
      stream = (await this.docker.pull(ref, {
        ...(opts.auth ? { authconfig: opts.auth } : {}),
        ...(opts.signal ? { abortSignal: opts.signal } : {}),
      })) as NodeJS.ReadableStream;
    } catch (err) {
      throw new ImagePullError(ref, dockerMessage(err));
    }
    await new Promise<void>((resolve, reject) => {
      let buffer = '';
      let failed: string | undefined;
      const onLine = (line: string) => {
        if (!line.trim()) return;
        let msg: PullProgress & { error?: string; errorDetail?: { message?: string } };
        try {
          msg = JSON.parse(line);
        } catch {
          return;
        }
        if (msg.error || msg.errorDetail?.message) failed ??= msg.errorDetail?.message ?? msg.error;
        else opts.onProgress?.(msg);
      };
      stream.on('data', (chunk: Buffer | string) => {
        buffer += chunk.toString();
        let nl: number;
        while ((nl = buffer.indexOf('\n')) >= 0) {
          onLine(buffer.slice(0, nl));
          buffer = buffer.slice(nl + 1);
        }
      });
      let settled = false;
      const finish = (err?: string) => {
        if (settled) return;
        settled = true;
        onLine(buffer);
        const reason = err ?? failed;
        if (reason) reject(new ImagePullError(ref, reason));
        else resolve();
      };
      stream.on('error', (err: Error) => finish(err.message));
      stream.on('end', () => finish());
      stream.on('close', () => finish());
    });
  }

  /** Whether the daemon has `ref` (by tag, by digest, or both) without asking a registry. */
  async imageExists(ref: string): Promise<boolean> {
    try {
      await this.docker.getImage(ref).inspect();
      return true;
    } catch (err) {
      if (statusCodeOf(err) === 404) return false;
      throw err;
    }
  }

  /**
   * Creates the container; when one of that name exists already (a retry after a crash
   * between create and report) it is returned instead, marked `existing`.
   */
  async create(opts: Docker.ContainerCreateOptions): Promise<{ id: string; existing: boolean }> {
    try {
      const c = await this.docker.createContainer(opts);
      return { id: c.id, existing: false };
    } catch (err) {
      if (statusCodeOf(err) === 409 && opts.name) {
        const info = await this.inspect(opts.name);
        if (info) return { id: info.Id, existing: true };
      }
      throw err;
    }
  }

  async start(id: string): Promise<void> {
    try {
      await this.docker.getContainer(id).start();
    } catch (err) {
      if (statusCodeOf(err) !== 304) throw err; // 304: already started
    }
  }

  /**
   * `docker stop -t grace`: the stop signal, then SIGKILL after `graceSeconds`; without
   * it, the container's own StopTimeout (set from the task at create) applies. A daemon
   * that does not answer well after the grace period (it is going away) is an error
   * rather than a controller stuck forever.
   */
  async stop(id: string, graceSeconds?: number): Promise<void> {
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), ((graceSeconds ?? 10) + STOP_SLACK_SECONDS) * 1000);
    try {
      await this.docker
        .getContainer(id)
        .stop({ ...(graceSeconds === undefined ? {} : { t: graceSeconds }), abortSignal: abort.signal });
    } catch (err) {
      if (abort.signal.aborted)
        throw new Error(`stopping container ${id}: the daemon did not answer in time`, { cause: err });
      const code = statusCodeOf(err);
      if (code !== 304 && code !== 404) throw err; // already stopped / already gone
    } finally {
      clearTimeout(timer);
    }
  }

  async kill(id: string): Promise<void> {
    try {
      await this.docker.getContainer(id).kill();
    } catch (err) {
      const code = statusCodeOf(err);
      if (code !== 409 && code !== 404) throw err; // not running / gone
    }
  }

  /** Removes the container and its anonymous volumes, as Swarm does. */
  async remove(id: string): Promise<void> {
    try {
      await this.docker.getContainer(id).remove({ force: true, v: true });
    } catch (err) {
      const code = statusCodeOf(err);
      // 404: gone already; 409: removal already in progress.
      if (code !== 404 && code !== 409) throw err;
    }
  }

  async inspect(idOrName: string): Promise<Docker.ContainerInspectInfo | undefined> {
    try {
      return await this.docker.getContainer(idOrName).inspect();
    } catch (err) {
      if (statusCodeOf(err) === 404) return undefined;
      throw err;
    }
  }

  /** Every container on this daemon that belongs to a shoal task, running or not. */
  async listTaskContainers(): Promise<Docker.ContainerInfo[]> {
    return this.docker.listContainers({ all: true, filters: { label: [LABEL.taskId] } });
  }
}

/** Settles with `work`, or rejects with `aborted()` as soon as `signal` aborts. */
function untilAborted<T>(
  work: Promise<T>,
  signal: AbortSignal | undefined,
  aborted: () => Error,
): Promise<T> {
  if (!signal) return work;
  if (signal.aborted) return Promise.reject(aborted());
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(aborted());
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(
      (v) => {
        signal.removeEventListener('abort', onAbort);
        resolve(v);
      },
      (err: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(err);
      },
    );
  });
}
