// A small in-memory stand-in for dockerode, for unit tests of the controller's state
// logic only (integration tests use a real dockerd). It keeps containers in a map, and
// emits the events a daemon would on the one events stream it hands out.
import { PassThrough } from 'stream';
import type Docker from 'dockerode';

interface FakeContainer {
  id: string;
  name: string;
  opts: Docker.ContainerCreateOptions;
  status: 'created' | 'running' | 'exited';
  exitCode: number;
  pid: number;
  health?: 'starting' | 'healthy' | 'unhealthy';
  startedAt: string;
}

const httpError = (statusCode: number, message: string) =>
  Object.assign(new Error(message), { statusCode, json: { message } });

export class FakeDocker {
  readonly containers = new Map<string, FakeContainer>();
  readonly images = new Set<string>();
  /** Refs the "registry" serves. */
  readonly registry = new Set<string>();
  readonly calls: Array<[string, ...unknown[]]> = [];
  readonly eventStreams: PassThrough[] = [];
  private seq = 0;

  asDocker(): Docker {
    return this as unknown as Docker;
  }

  get events(): PassThrough {
    return this.eventStreams[this.eventStreams.length - 1];
  }

  emit(id: string, Action: string, attrs: Record<string, string> = {}): void {
    const c = this.containers.get(id);
    this.events?.write(
      JSON.stringify({
        Type: 'container',
        Action,
        Actor: { ID: id, Attributes: { name: c?.name ?? '', ...c?.opts.Labels, ...attrs } },
        timeNano: Date.now() * 1e6,
      }) + '\n',
    );
  }

  // --- test controls
  exit(id: string, code: number, opts: { silently?: boolean } = {}): void {
    const c = this.containers.get(id)!;
    c.status = 'exited';
    c.exitCode = code;
    if (!opts.silently) this.emit(id, 'die', { exitCode: String(code) });
  }

  setHealth(id: string, health: 'healthy' | 'unhealthy'): void {
    this.containers.get(id)!.health = health;
    this.emit(id, `health_status: ${health}`);
  }

  only(): FakeContainer {
    expect(this.containers.size).toBe(1);
    return [...this.containers.values()][0];
  }

  // --- the dockerode surface the executor uses
  async getEvents(opts: object): Promise<PassThrough> {
    this.calls.push(['getEvents', opts]);
    const s = new PassThrough();
    this.eventStreams.push(s);
    return s;
  }

  async pull(ref: string, opts: object): Promise<PassThrough> {
    this.calls.push(['pull', ref, opts]);
    const s = new PassThrough();
    setImmediate(() => {
      if (this.registry.has(ref)) {
        s.write(JSON.stringify({ status: 'Pulling from x' }) + '\n');
        this.images.add(ref);
      } else
        s.write(
          JSON.stringify({ errorDetail: { message: 'manifest unknown' }, error: 'manifest unknown' }) + '\n',
        );
      s.end();
    });
    return s;
  }

  getImage(ref: string) {
    return {
      inspect: async () => {
        if (!this.images.has(ref)) throw httpError(404, `no such image: ${ref}`);
        return { Id: ref };
      },
    };
  }

  async createContainer(opts: Docker.ContainerCreateOptions) {
    this.calls.push(['create', opts.name]);
    if (!this.images.has(opts.Image!)) throw httpError(404, `No such image: ${opts.Image}`);
    if ([...this.containers.values()].some((c) => c.name === opts.name)) throw httpError(409, 'Conflict');
    const id = `c${++this.seq}`;
    this.containers.set(id, {
      id,
      name: opts.name!,
      opts,
      status: 'created',
      exitCode: 0,
      pid: 0,
      startedAt: '',
    });
    return { id };
  }

  async listContainers() {
    return [...this.containers.values()].map((c) => ({
      Id: c.id,
      Names: [`/${c.name}`],
      Labels: c.opts.Labels,
      State: c.status,
      Created: 0,
    }));
  }

  getContainer(idOrName: string) {
    const find = () => {
      const c =
        this.containers.get(idOrName) ?? [...this.containers.values()].find((x) => x.name === idOrName);
      if (!c) throw httpError(404, `No such container: ${idOrName}`);
      return c;
    };
    return {
      inspect: async () => {
        const c = find();
        return {
          Id: c.id,
          Name: `/${c.name}`,
          State: {
            Status: c.status,
            Running: c.status === 'running',
            Pid: c.pid,
            ExitCode: c.exitCode,
            Error: '',
            StartedAt: c.startedAt,
            ...(c.health ? { Health: { Status: c.health } } : {}),
          },
          Config: { Labels: c.opts.Labels, Healthcheck: c.opts.Healthcheck },
          NetworkSettings: { Ports: {} },
        };
      },
      start: async () => {
        const c = find();
        this.calls.push(['start', c.id]);
        if (c.status === 'running') throw httpError(304, 'already started');
        c.status = 'running';
        c.pid = 1000 + this.seq;
        c.startedAt = new Date().toISOString();
        if (c.opts.Healthcheck) c.health = 'starting';
        this.emit(c.id, 'start');
      },
      stop: async (opts: { t?: number }) => {
        const c = find();
        this.calls.push(['stop', c.id, opts.t]);
        if (c.status !== 'running') throw httpError(304, 'not running');
        this.exit(c.id, 143);
      },
      kill: async () => this.exit(find().id, 137),
      remove: async () => {
        const c = find();
        this.calls.push(['remove', c.id]);
        this.containers.delete(c.id);
        this.emit(c.id, 'destroy');
      },
    };
  }
}
