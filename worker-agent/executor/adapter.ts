// The executor's only door to Docker: thin, idempotent wrappers over dockerode that turn
// the daemon's answers into what a controller needs (a 404 on remove is success, a name
// conflict on create means the container is already there, a pull error hidden inside
// the progress stream is an error).
import type Docker from 'dockerode';
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

export class ContainerAdapter {
  constructor(readonly docker: Docker) {}

  /**
   * Pulls `ref`, reading the progress stream to its end: the daemon answers 200 and then
   * reports failures (unknown tag, auth) as an `error` line inside the stream.
   */
  async pullImage(
    ref: string,
    opts: { auth?: RegistryAuth; onProgress?: (p: PullProgress) => void; signal?: AbortSignal } = {},
  ): Promise<void> {
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
