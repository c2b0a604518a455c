// A gRPC unary call over node's own http2 to a unix socket: what the CLI needs to talk to
// its local shoald, without grpc-js (~60 ms of every CLI start on this machine's class of
// VM) — the request is one length-prefixed message, the answer one message and a status
// in the trailers (or, on an error, in the only headers). grpc-js stays for -H (mutual
// TLS to a manager) and for streams.
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

// How gRPC maps an HTTP status that is not 200 (a proxy or a non-gRPC server answered).
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

/** The one message of a unary answer: a 5-byte prefix (compressed flag, length), then the bytes. */
function unframe(body: Buffer): Buffer {
  if (body.length < 5) throw new CallError(GrpcStatus.INTERNAL, 'the answer holds no message');
  if (body[0] !== 0)
    throw new CallError(GrpcStatus.INTERNAL, 'the answer is compressed, which was not asked');
  const length = body.readUInt32BE(1);
  if (body.length !== 5 + length)
    throw new CallError(
      GrpcStatus.INTERNAL,
      `the answer's frame says ${length} bytes, ${body.length - 5} came`,
    );
  return body.subarray(5);
}

function frame(message: Buffer): Buffer {
  const head = Buffer.alloc(5);
  head.writeUInt32BE(message.length, 1);
  return Buffer.concat([head, message]);
}

/** Sends `request` (an encoded message) to `path` on the server at `socket`; resolves to the encoded answer. */
export function unaryOverSocket(
  socket: string,
  path: string,
  request: Buffer,
  timeoutMs: number,
): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    let done = false;
    const session = http2.connect('http://localhost', { createConnection: () => net.connect(socket) });
    const finish = (err: Error | undefined, answer?: Buffer) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      session.destroy();
      if (err) reject(err);
      else resolve(answer!);
    };
    const timer = setTimeout(
      () =>
        finish(
          new CallError(GrpcStatus.DEADLINE_EXCEEDED, `no answer from ${socket} within ${timeoutMs} ms`),
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
      'grpc-timeout': `${timeoutMs}m`,
    });
    let headers: http2.IncomingHttpHeaders = {};
    let trailers: http2.IncomingHttpHeaders = {};
    const chunks: Buffer[] = [];
    call.on('response', (h) => (headers = h));
    call.on('trailers', (t) => (trailers = t));
    call.on('data', (chunk: Buffer) => chunks.push(chunk));
    call.on('error', (err: Error) => {
      // A failed connection cancels the pending stream first; its cause says why.
      const cause = (err as { cause?: { message?: unknown } }).cause;
      if (typeof cause?.message === 'string') return unreachable(cause as Error);
      finish(new CallError(GrpcStatus.UNAVAILABLE, `${socket}: ${err.message}`));
    });
    call.on('close', () => {
      if (done) return;
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
      try {
        finish(undefined, unframe(Buffer.concat(chunks)));
      } catch (err) {
        finish(err as Error);
      }
    });
    call.end(frame(request));
  });
}

/** Calls the method `codec` stands for on the server at `socket` (relative to the working directory). */
export async function callMethod<Res>(
  socket: string,
  codec: MethodCodec,
  request: object,
  timeoutMs: number,
): Promise<Res> {
  const answer = await unaryOverSocket(path.resolve(socket), codec.path, codec.encode(request), timeoutMs);
  return codec.decode(answer) as Res;
}
