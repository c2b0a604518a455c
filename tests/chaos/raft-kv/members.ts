// Starts, kills (SIGKILL) and restarts member processes, and asks them things over IPC.
import { ChildProcess, fork } from 'child_process';
import * as net from 'net';
import * as path from 'path';
import type { FromMember, ToMember } from './member';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export class Member {
  private child: ChildProcess | undefined;
  private requestId = 0;
  private readonly waiting = new Map<number, (m: FromMember) => void>();
  starts = 0;
  log = '';

  constructor(
    readonly id: number,
    readonly dataDir: string,
    private readonly peers: Record<number, string>,
  ) {}

  get address(): string {
    return this.peers[this.id];
  }

  get alive(): boolean {
    return this.child !== undefined;
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  async start(timeoutMs = 60_000): Promise<void> {
    if (this.child) throw new Error(`member ${this.id} is already running`);
    const child = fork(path.join(__dirname, 'member.ts'), [], {
      execArgv: ['-r', path.join(__dirname, 'ts-register.js')],
      env: {
        ...process.env,
        MEMBER_ID: String(this.id),
        MEMBER_DATA_DIR: this.dataDir,
        MEMBER_PEERS: JSON.stringify(this.peers),
        TS_REGISTER_CACHE: path.join(path.dirname(this.dataDir), 'ts-cache'),
      },
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    this.child = child;
    this.starts++;
    const keep = (chunk: Buffer) => {
      this.log = (this.log + chunk.toString()).slice(-4000);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    child.on('message', (m: FromMember) => {
      if (m.type === 'started') return;
      const done = this.waiting.get(m.id);
      this.waiting.delete(m.id);
      done?.(m);
    });
    child.on('exit', () => {
      if (this.child === child) this.child = undefined;
    });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`member ${this.id} did not start:\n${this.log}`)),
        timeoutMs,
      );
      child.on('message', (m: FromMember) => {
        if (m.type === 'started') {
          clearTimeout(timer);
          resolve();
        }
      });
      child.on('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`member ${this.id} exited with ${code} while starting:\n${this.log}`));
      });
    });
  }

  // kill -9: no shutdown hooks, unsynced writes are whatever the OS kept.
  async kill(): Promise<void> {
    const child = this.child;
    if (!child) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
    this.child = undefined;
  }

  async request(m: ToMemberWithoutId, timeoutMs: number): Promise<FromMember | undefined> {
    const child = this.child;
    if (!child || !child.connected) return undefined;
    const id = ++this.requestId;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiting.delete(id);
        resolve(undefined);
      }, timeoutMs);
      this.waiting.set(id, (reply) => {
        clearTimeout(timer);
        resolve(reply);
      });
      child.send({ ...m, id } as ToMember);
    });
  }
}

type DistributiveOmit<T, K extends keyof T> = T extends unknown ? Omit<T, K> : never;
export type ToMemberWithoutId = DistributiveOmit<ToMember, 'id'>;
