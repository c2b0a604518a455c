// A unary handler wrapper like ca/tls.ts `unary`, which also keeps the metadata of a
// redirect (the leader's address) and turns raft failures into operator-facing statuses.
import * as grpc from '@grpc/grpc-js';
import { toServiceError } from './ca';
import { translateRaftError } from './errors';

/** An error answered with its own status and trailing metadata. */
export class RedirectError extends Error {
  constructor(
    readonly code: grpc.status,
    message: string,
    readonly metadata: grpc.Metadata,
  ) {
    super(message);
    this.name = 'RedirectError';
  }
  toServiceError(): grpc.ServiceError {
    return Object.assign(new Error(this.message), {
      code: this.code,
      details: this.message,
      metadata: this.metadata,
    });
  }
}

export function asServiceError(err: unknown): grpc.ServiceError {
  if (err instanceof RedirectError) return err.toServiceError();
  return toServiceError(translateRaftError(err));
}

export function unaryCall<Req, Res>(
  fn: (call: grpc.ServerUnaryCall<Req, Res>) => Promise<Res>,
): grpc.handleUnaryCall<Req, Res> {
  return (call, callback) => {
    fn(call).then(
      (res) => callback(null, res),
      (err: unknown) => callback(asServiceError(err)),
    );
  };
}
