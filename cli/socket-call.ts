// gRPC calls over node's own http2 to a unix socket: what the CLI needs to talk to its
// local shoald, without grpc-js (~60 ms of every CLI start on this machine's class of
// VM). A unary call sends one length-prefixed message and gets one back, then a status
// in the trailers (or, on an error, in the only headers); a server stream gets any
// number of messages before its status (Watch). grpc-js stays for -H (mutual TLS to a
// manager) and for the log stream.
import * as http2 from 'http2';
import * as net from 'net';
import * as path from 'path';
import type { MethodCodec } from '../proto/light';

/** gRPC status codes (fixed by the protocol) this client reports itself. */
export const GrpcStatus = {
  OK: 0,
  CANCELLED: 1,
  UNKNOWN: 2,
  DEADLINE_EXCEEDED: 4,
  NOT_FOUND: 5,
  ABORTED: 10,
  UNIMPLEMENTED: 12,
  INTERNAL: 13,
  UNAVAILABLE: 14,
} as const;

/** A failed call: the server's (or this client's) status code and message, as callUnary's errors. */
export class CallError extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

/** How gRPC maps an HTTP status that is not 200 (a proxy or a non-gRPC server answered). */
function statusOfHttp(status: number): number {
  if (status === 400) return GrpcStatus.INTERNAL;
  if (status === 401) return 16; // UNAUTHENTICATED
  if (status === 403) return 7; // PERMISSION_DENIED
  if (status === 404) return GrpcStatus.UNIMPLEMENTED;
  if ([429, 502, 503, 504].includes(status)) return GrpcStatus.UNAVAILABLE;
  return GrpcStatus.UNKNOWN;
}

function statusMessage(raw: string | string[] | undefined): string {
  const text = Array.isArray(raw) ? raw.join(',') : (raw ?? '');
  try {
    return decodeURIComponent(text); // grpc-message is percent-encoded
  } catch {
    return text;
  }
}

/** Splits the answer's bytes into messages: each a 5-byte prefix (compressed flag, length), then the bytes. */
class Deframer {
  private pending: Buffer = Buffer.alloc(0);

  push(chunk: Buffer, onMessage: (message: Buffer) => void): void {
    this.pending = this.pending.length ? Buffer.concat([this.pending, chunk]) : chunk;
    while (this.pending.length >= 5) {
      if (this.pending[0] !== 0)
        throw new CallError(GrpcStatus.INTERNAL, 'the answer is compressed, which was not asked');
      const length = this.pending.readUInt32BE(1);
      if (this.pending.length < 5 + length) return;
      const message = this.pending.subarray(5, 5 + length);
      this.pending = this.pending.subarray(5 + length);
      onMessage(message);
    }
  }

  /** Bytes of a message that never completed. */
  get leftover(): number {
    return this.pending.length;
  }
}

function frame(message: Buffer): Buffer {
  const head = Buffer.alloc(5);
  head.writeUInt32BE(message.length, 1);
  return Buffer.concat([head, message]);
}

export interface OpenCall {
  /** Ends the call from this side; `done` then resolves. */
  cancel(): void;
  /** Resolves when the server ends the call with OK; rejects with a CallError otherwise. */
  done: Promise<void>;
}

/**
 * Sends `request` (an encoded message) to `path` on the server at `socket` and hands each
 * answered message to `onMessage` (an exception there fails the call). Without a
 * `timeoutMs` the call lasts until the server ends it or it is cancelled.
 */
export function callOverSocket(
  socket: string,
  path: string,
  request: Buffer,
  onMessage: (message: Buffer) => void,
  timeoutMs?: number,
): OpenCall {
  let cancel: () => void = () => undefined;
  const done = new Promise<void>((resolve, reject) => {
    let finished = false;
    const session = http2.connect('http://localhost', { createConnection: () => net.connect(socket) });
    const finish = (err?: Error) => {
      if (finished) return;
      finished = true;
      clearTimeout(timer);
      session.destroy();
      if (err) reject(err);
      else resolve();
    };
    cancel = () => finish();
    const timer =
      timeoutMs === undefined
        ? undefined
        : setTimeout(
            () =>
              finish(
                new CallError(
                  GrpcStatus.DEADLINE_EXCEEDED,
                  `no answer from ${socket} within ${timeoutMs} ms`,
                ),
              ),
            timeoutMs,
          );
    const unreachable = (err: Error) =>
      finish(new CallError(GrpcStatus.UNAVAILABLE, `cannot reach shoald at ${socket}: ${err.message}`));
    session.on('error', unreachable);
    const call = session.request({
      ':method': 'POST',
      ':path': path,
      'content-type': 'application/grpc',
      te: 'trailers',
      ...(timeoutMs === undefined ? {} : { 'grpc-timeout': `${timeoutMs}m` }),
    });
    let headers: http2.IncomingHttpHeaders = {};
    let trailers: http2.IncomingHttpHeaders = {};
    const messages = new Deframer();
    call.on('response', (h) => (headers = h));
    call.on('trailers', (t) => (trailers = t));
    call.on('data', (chunk: Buffer) => {
      if (finished) return;
      try {
        messages.push(chunk, onMessage);
      } catch (err) {
        finish(err as Error);
      }
    });
    call.on('error', (err: Error) => {
      // A failed connection cancels the pending stream first; its cause says why.
      const cause = (err as { cause?: { message?: unknown } }).cause;
      if (typeof cause?.message === 'string') return unreachable(cause as Error);
      finish(new CallError(GrpcStatus.UNAVAILABLE, `${socket}: ${err.message}`));
    });
    call.on('close', () => {
      if (finished) return;
      const httpStatus = Number(headers[':status'] ?? 0);
      const raw = trailers['grpc-status'] ?? headers['grpc-status'];
      if (raw === undefined) {
        const code = httpStatus === 200 ? GrpcStatus.INTERNAL : statusOfHttp(httpStatus);
        return finish(
          new CallError(code, `${path}: the answer has no grpc-status (HTTP ${httpStatus || 'none'})`),
        );
      }
      const code = Number(raw);
      const message = statusMessage(trailers['grpc-message'] ?? headers['grpc-message']);
      if (code !== GrpcStatus.OK)
        return finish(new CallError(code, message || `${path} failed with status ${code}`));
      if (messages.leftover)
        return finish(new CallError(GrpcStatus.INTERNAL, `the answer ended inside a message`));
      finish();
    });
    call.end(frame(request));
  });
  return { cancel: () => cancel(), done };
}

/** A unary call: `request` (an encoded message) to `path`; resolves to the encoded answer. */
export async function unaryOverSocket(
  socket: string,
  path: string,
  request: Buffer,
  timeoutMs: number,
): Promise<Buffer> {
  const answers: Buffer[] = [];
  await callOverSocket(socket, path, request, (m) => answers.push(m), timeoutMs).done;
  if (answers.length !== 1)
    throw new CallError(
      GrpcStatus.INTERNAL,
      answers.length ? `${answers.length} answers to a unary call` : 'the answer holds no message',
    );
  return answers[0];
}

/** Calls the unary method `codec` stands for on the server at `socket` (relative to the working directory). */
export async function callMethod<Res>(
  socket: string,
  codec: MethodCodec,
  request: object,
  timeoutMs: number,
): Promise<Res> {
  const answer = await unaryOverSocket(path.resolve(socket), codec.path, codec.encode(request), timeoutMs);
  return codec.decode(answer) as Res;
}

/** Opens the server stream `codec` stands for; each decoded message goes to `onMessage`. */
export function streamMethod<Msg>(
  socket: string,
  codec: MethodCodec,
  request: object,
  onMessage: (message: Msg) => void,
): OpenCall {
  return callOverSocket(path.resolve(socket), codec.path, codec.encode(request), (bytes) =>
    onMessage(codec.decode(bytes) as Msg),
  );
}
