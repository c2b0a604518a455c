// Forwards a unary call, unchanged, to the leader's cluster API. The forwarding manager
// authenticates with its own manager certificate; the original caller was already
// checked here. A marker in the metadata stops a call from bouncing between managers
// that disagree about the leader.
import * as grpc from '@grpc/grpc-js';
import { clientCredentials, NodeCredentials, statusError } from './ca';

export const FORWARDED_HEADER = 'x-shoal-forwarded';
export const LEADER_ADDR_HEADER = 'x-shoal-leader-addr';
/** The node a forwarding manager acts for (trusted only from a manager certificate). */
export const ON_BEHALF_OF_HEADER = 'x-shoal-on-behalf-of';

export function isForwarded(call: { metadata: grpc.Metadata }): boolean {
  return call.metadata.get(FORWARDED_HEADER).length > 0;
}

export const channelOptions: grpc.ChannelOptions = {
  'grpc.initial_reconnect_backoff_ms': 100,
  'grpc.min_reconnect_backoff_ms': 100,
  'grpc.max_reconnect_backoff_ms': 1000,
  // A forwarder and the leader must not share a connection's fate with other clients.
  'grpc.use_local_subchannel_pool': 1,
};

/** A pool of client connections to other managers, keyed by address (and certificate). */
export class ManagerConnections {
  private readonly clients = new Map<string, grpc.Client>();
  private certPem = '';

  constructor(
    private readonly credentials: () => NodeCredentials,
    private readonly clusterId: string,
  ) {}

  get(address: string): grpc.Client {
    const creds = this.credentials();
    if (creds.certPem !== this.certPem) {
      // A renewed certificate: new connections only.
      this.close();
      this.certPem = creds.certPem;
    }
    let client = this.clients.get(address);
    if (!client) {
      client = new grpc.Client(
        address,
        clientCredentials(creds, { clusterId: this.clusterId }),
        channelOptions,
      );
      this.clients.set(address, client);
    }
    return client;
  }

  /** Drops a connection that failed, so the next call dials afresh. */
  drop(address: string): void {
    this.clients.get(address)?.close();
    this.clients.delete(address);
  }

  close(): void {
    for (const c of this.clients.values()) c.close();
    this.clients.clear();
  }
}

export interface Forwarded {
  result: Promise<unknown>;
  cancel(): void;
}

export function forwardUnary(
  connections: ManagerConnections,
  address: string,
  method: grpc.MethodDefinition<unknown, unknown>,
  request: unknown,
  timeoutMs: number,
  onBehalfOf?: string,
): Promise<unknown> {
  return startForward(connections, address, method, request, timeoutMs, { onBehalfOf }).result;
}

/**
 * Like forwardUnary, but the caller may cancel (e.g. when the leader changes meanwhile).
 * `relay`: the answer stays the leader's encoded bytes (a Buffer), to be sent on as they
 * are (proto/load's serializers pass a Buffer through): a list of tasks relayed through a
 * follower cost that follower twice what serving it did, most of it decoding and encoding.
 */
export function startForward(
  connections: ManagerConnections,
  address: string,
  method: grpc.MethodDefinition<unknown, unknown>,
  request: unknown,
  timeoutMs: number,
  opts: { onBehalfOf?: string; relay?: boolean } = {},
): Forwarded {
  const { onBehalfOf, relay } = opts;
  const client = connections.get(address);
  const md = new grpc.Metadata();
  md.set(FORWARDED_HEADER, '1');
  if (onBehalfOf) md.set(ON_BEHALF_OF_HEADER, onBehalfOf);
  let call: grpc.ClientUnaryCall | undefined;
  const result = new Promise<unknown>((resolve, reject) => {
    call = client.makeUnaryRequest(
      method.path,
      method.requestSerialize,
      relay ? (bytes: Buffer) => bytes : method.responseDeserialize,
      request,
      md,
      { deadline: Date.now() + timeoutMs },
      (err, res) => {
        if (err) {
          if (err.code === grpc.status.UNAVAILABLE && !/no quorum|leadership/.test(err.details)) {
            connections.drop(address);
            reject(
              Object.assign(
                statusError(
                  grpc.status.UNAVAILABLE,
                  `the leader at ${address} is not reachable (${err.details}); retry once a new leader is elected`,
                ),
                { leaderUnreachable: true },
              ),
            );
            return;
          }
          reject(err);
        } else resolve(res);
      },
    );
  });
  return {
    result,
    cancel: () => {
      call?.cancel();
      connections.drop(address);
    },
  };
}
