// An SSH connection to a machine over ssh2 with key auth and host-key pinning.
// Errors are translated into sentences that say what went wrong and what to check.
import * as crypto from 'crypto';
import { Readable } from 'stream';
import { Client, ConnectConfig } from 'ssh2';

export interface SshTarget {
  address: string;
  port: number;
  user: string;
  privateKey: Buffer;
}

export interface ExecResult {
  code: number;
  stdout: string;
  stderr: string;
}

export class SshError extends Error {
  constructor(
    message: string,
    public readonly kind: 'unreachable' | 'auth' | 'host-key-changed' | 'protocol',
  ) {
    super(message);
    this.name = 'SshError';
  }
}

export const fingerprint = (key: Buffer): string =>
  'SHA256:' + crypto.createHash('sha256').update(key).digest('base64').replace(/=+$/, '');

export class SshConnection {
  private constructor(
    private readonly client: Client,
    public readonly hostKey: string,
    private readonly where: string,
  ) {}

  /**
   * Connects and verifies the host key: with `expectedHostKey` it must match (else a
   * host-key-changed error and nothing is sent); without it, the key seen is returned
   * in `hostKey` for the caller to record (trust on first use).
   */
  static connect(target: SshTarget, expectedHostKey?: string, timeoutMs = 10_000): Promise<SshConnection> {
    const where = `${target.user}@${target.address}:${target.port}`;
    return new Promise((resolve, reject) => {
      const client = new Client();
      let seenKey = '';
      let settled = false;
      const fail = (err: Error): void => {
        if (settled) return;
        settled = true;
        client.end();
        reject(err);
      };
      const config: ConnectConfig = {
        host: target.address,
        port: target.port,
        username: target.user,
        privateKey: target.privateKey,
        readyTimeout: timeoutMs,
        keepaliveInterval: 5000,
        hostVerifier: (key: Buffer) => {
          seenKey = fingerprint(key);
          return expectedHostKey === undefined || expectedHostKey === seenKey;
        },
      };
      client.on('ready', () => {
        settled = true;
        resolve(new SshConnection(client, seenKey, where));
      });
      client.on('error', (err: Error & { level?: string; code?: string }) => {
        if (expectedHostKey !== undefined && seenKey && seenKey !== expectedHostKey) {
          fail(
            new SshError(
              `the host key of ${target.address}:${target.port} changed: recorded ${expectedHostKey}, offered ${seenKey}. ` +
                'The machine was replaced or someone is in the middle; nothing was sent. Remove the machine record if the change is expected.',
              'host-key-changed',
            ),
          );
        } else if (err.level === 'client-authentication') {
          fail(new SshError(`${where} rejected the SSH key (wrong key or user?)`, 'auth'));
        } else if (
          err.level === 'client-timeout' ||
          ['ECONNREFUSED', 'EHOSTUNREACH', 'ETIMEDOUT', 'ENETUNREACH', 'ENOTFOUND'].includes(err.code ?? '')
        ) {
          fail(
            new SshError(
              `cannot reach ${target.address}:${target.port} over SSH: ${err.code ?? err.message}`,
              'unreachable',
            ),
          );
        } else {
          fail(new SshError(`SSH to ${where} failed: ${err.message}`, 'protocol'));
        }
      });
      client.connect(config);
    });
  }

  /** Runs a shell command; stdin may be a buffer or a stream (for uploads). */
  exec(command: string, stdin?: Buffer | Readable): Promise<ExecResult> {
    return new Promise((resolve, reject) => {
      this.client.exec(command, (err, channel) => {
        if (err) return reject(new SshError(`SSH exec on ${this.where} failed: ${err.message}`, 'protocol'));
        const out: Buffer[] = [];
        const errOut: Buffer[] = [];
        let code = -1;
        channel.on('data', (d: Buffer) => out.push(d));
        channel.stderr.on('data', (d: Buffer) => errOut.push(d));
        channel.on('exit', (c: number | null) => (code = c ?? -1));
        channel.on('close', () =>
          resolve({ code, stdout: Buffer.concat(out).toString(), stderr: Buffer.concat(errOut).toString() }),
        );
        if (stdin instanceof Readable) stdin.pipe(channel);
        else channel.end(stdin ?? '');
      });
    });
  }

  /** exec() that rejects on a non-zero exit, with the step's name and the command's own words. */
  async check(step: string, command: string, stdin?: Buffer | Readable): Promise<string> {
    const r = await this.exec(command, stdin);
    if (r.code !== 0) {
      const detail = (r.stderr.trim() || r.stdout.trim()).split('\n').slice(-5).join('\n');
      throw new Error(`${step} failed on ${this.where} (exit ${r.code}): ${detail || '(no output)'}`);
    }
    return r.stdout;
  }

  /** An interactive shell wired to this process's terminal (for `shoal machine ssh`). */
  shell(command?: string): Promise<number> {
    return new Promise((resolve, reject) => {
      const onChannel = (err: Error | undefined, channel: import('ssh2').ClientChannel): void => {
        if (err) return reject(err);
        const stdin = process.stdin;
        if (stdin.isTTY) stdin.setRawMode(true);
        stdin.pipe(channel);
        channel.pipe(process.stdout);
        channel.stderr.pipe(process.stderr);
        let code = 0;
        channel.on('exit', (c: number | null) => (code = c ?? 0));
        channel.on('close', () => {
          if (stdin.isTTY) stdin.setRawMode(false);
          stdin.unpipe(channel);
          stdin.pause();
          resolve(code);
        });
      };
      if (command) this.client.exec(command, onChannel);
      else
        this.client.shell(
          {
            term: process.env.TERM || 'xterm',
            rows: process.stdout.rows || 24,
            cols: process.stdout.columns || 80,
          },
          onChannel,
        );
    });
  }

  close(): void {
    this.client.end();
  }
}
