// Mutual TLS between cluster members, from the cluster CA. The server side presents the
// node certificate and asks for the client's; the identity of a caller is read from its
// verified certificate, never from a request field. Server certificates are checked by
// role (OU), not host name: a node dials "a manager" at some address, as in swarmkit.
import * as grpc from '@grpc/grpc-js';
import { TLSSocket, type PeerCertificate } from 'tls';
import { CertificateVerificationError, NodeIdentity, verifyNodeCertificate } from './identity';
import { parseCertificate } from './pki';
import { expectRole, NodeCredentials, NodeRole } from '../../proto/node-tls';

export { clientCredentials } from '../../proto/node-tls';
export type { ClientCredentialsOptions, NodeCredentials } from '../../proto/node-tls';

type Listener<T> = (update: T | null) => void;

/**
 * Feeds grpc-js TLS contexts; `update()` swaps the certificate after a renewal without
 * restarting servers (new connections use it, open ones keep theirs).
 */
export class MutableCertificateProvider implements grpc.experimental.CertificateProvider {
  private ca: grpc.experimental.CaCertificateUpdate;
  private identity: grpc.experimental.IdentityCertificateUpdate;
  private readonly caListeners = new Set<Listener<grpc.experimental.CaCertificateUpdate>>();
  private readonly identityListeners = new Set<Listener<grpc.experimental.IdentityCertificateUpdate>>();

  constructor(creds: NodeCredentials) {
    this.ca = { caCertificate: Buffer.from(creds.rootCaPem) };
    this.identity = { certificate: Buffer.from(creds.certPem), privateKey: Buffer.from(creds.keyPem) };
  }

  update(creds: NodeCredentials): void {
    this.ca = { caCertificate: Buffer.from(creds.rootCaPem) };
    this.identity = { certificate: Buffer.from(creds.certPem), privateKey: Buffer.from(creds.keyPem) };
    for (const l of this.caListeners) l(this.ca);
    for (const l of this.identityListeners) l(this.identity);
  }

  addCaCertificateListener(listener: Listener<grpc.experimental.CaCertificateUpdate>): void {
    this.caListeners.add(listener);
    // Deliver asynchronously like grpc-js's own FileWatcher provider: grpc-js subscribes
    // before registering the server's watcher, so a synchronous first update is lost.
    queueMicrotask(() => this.caListeners.has(listener) && listener(this.ca));
  }
  removeCaCertificateListener(listener: Listener<grpc.experimental.CaCertificateUpdate>): void {
    this.caListeners.delete(listener);
  }
  addIdentityCertificateListener(listener: Listener<grpc.experimental.IdentityCertificateUpdate>): void {
    this.identityListeners.add(listener);
    queueMicrotask(() => this.identityListeners.has(listener) && listener(this.identity));
  }
  removeIdentityCertificateListener(listener: Listener<grpc.experimental.IdentityCertificateUpdate>): void {
    this.identityListeners.delete(listener);
  }
}

export interface ServerCredentialsOptions {
  /**
   * true: the TLS handshake itself refuses clients without a certificate from the root
   * (control API, dispatcher, raft). false: clients may connect without one (the CA
   * service, which joining nodes reach before they have a certificate); every
   * authenticated method must then call PeerAuthenticator.identify/requireRole, which
   * verifies whatever certificate was presented against the root.
   */
  requireClientCert: boolean;
}

export function serverCredentials(
  source: NodeCredentials | MutableCertificateProvider,
  opts: ServerCredentialsOptions,
): grpc.ServerCredentials {
  const provider =
    source instanceof MutableCertificateProvider ? source : new MutableCertificateProvider(source);
  // The same provider serves both roles, which also sidesteps grpc-js's argument order.
  return grpc.experimental.createCertificateProviderServerCredentials(
    provider,
    provider,
    opts.requireClientCert,
  );
}

/**
 * For a joining node that has verified the root against its token: trusts only that
 * root and only a manager, presents no certificate.
 */
export function joinCredentials(rootCaPem: string): grpc.ChannelCredentials {
  return grpc.credentials.createSsl(Buffer.from(rootCaPem), null, null, {
    checkServerIdentity: expectRole('manager', undefined),
  });
}

/**
 * Encrypted but unverified: only for fetching the root certificate before a node knows
 * it. Whatever comes back must be checked against the join token (verifyRemoteCA) before
 * it is trusted or anything secret is sent.
 */
export function bootstrapCredentials(): grpc.ChannelCredentials {
  return grpc.credentials.createSsl(null, null, null, {
    rejectUnauthorized: false,
    checkServerIdentity: () => undefined,
  });
}

function grpcError(code: grpc.status, details: string): grpc.ServiceError {
  const err = new Error(details) as grpc.ServiceError;
  err.code = code;
  err.details = details;
  err.metadata = new grpc.Metadata();
  return err;
}

export class AuthError extends Error {
  constructor(
    readonly code: grpc.status,
    message: string,
  ) {
    super(message);
    this.name = 'AuthError';
  }
  toServiceError(): grpc.ServiceError {
    return grpcError(this.code, this.message);
  }
}

const MAX_VERIFIED = 4_096;

interface CallWithAuth {
  getAuthContext?: () => { transportSecurityType?: string; sslPeerCertificate?: PeerCertificate } | null;
}

// What grpc-js keeps under a server call: the call chain down to the http2 stream.
interface CallInternals {
  call?: CallInternals;
  nextCall?: CallInternals;
  stream?: { session?: { socket?: unknown } };
}

/** The http2 session a server call came in on, if grpc-js's internals look as expected. */
function sessionOf(call: object): object | undefined {
  let c: CallInternals | undefined = (call as CallInternals).call;
  for (let depth = 0; c && !c.stream && depth < 8; depth++) c = c.nextCall; // interceptors wrap the base call
  const session = c?.stream?.session;
  return session?.socket instanceof TLSSocket ? session : undefined;
}

/** Per connection: the peer's certificate DER (undefined: none, or not verified by TLS). */
const derBySession = new WeakMap<object, Buffer | undefined>();

/**
 * The raw DER of the peer's certificate on a server call, if it presented one that TLS
 * verified. grpc-js's getAuthContext builds the whole certificate object on every call
 * (~4% of an idle leader's CPU, answering agents' heartbeats); a connection's peer
 * cannot change, so it is read once per connection. Should grpc-js's internals change
 * shape, every call takes the public path again (a unit test notices).
 */
export function peerCertificateDer(call: object): Buffer | undefined {
  const session = sessionOf(call);
  if (session && derBySession.has(session)) return derBySession.get(session);
  const der = (call as CallWithAuth).getAuthContext?.()?.sslPeerCertificate?.raw;
  if (session) derBySession.set(session, der);
  return der;
}

/**
 * Reads and verifies callers' identities on a server. Holds the root (swappable for a
 * root rotation) and the cluster id certificates must carry.
 */
export class PeerAuthenticator {
  /**
   * Certificates already verified against the current root, by their DER. Parsing and
   * checking a certificate costs about a millisecond of CPU, and every rpc of every
   * agent presents the same one: on a leader busy with a 100-replica start this was the
   * largest item of its CPU profile. A hit is still checked for its validity period.
   */
  private readonly verified = new Map<string, { identity: NodeIdentity; from: number; until: number }>();
  private rootValidity: { from: number; until: number } | undefined;

  constructor(
    private rootCaPem: string,
    private readonly clusterId?: string,
    private readonly now: () => Date = () => new Date(),
  ) {}

  setRoot(rootCaPem: string): void {
    if (rootCaPem === this.rootCaPem) return;
    this.rootCaPem = rootCaPem;
    this.verified.clear();
    this.rootValidity = undefined;
  }

  /** Throws AuthError(UNAUTHENTICATED) when there is no valid certificate. */
  identify(call: object): NodeIdentity {
    const der = peerCertificateDer(call);
    // grpc-js only exposes certificates the TLS layer verified against the root, so a
    // certificate from another CA also lands here.
    if (!der) {
      throw new AuthError(
        grpc.status.UNAUTHENTICATED,
        'this call needs a node certificate from the cluster CA (mutual TLS); none was presented or it was not issued by the cluster CA',
      );
    }
    const key = der.toString('base64');
    const now = this.now();
    const hit = this.verified.get(key);
    if (hit && now.getTime() >= hit.from && now.getTime() <= hit.until) return hit.identity;
    try {
      const identity = verifyNodeCertificate(der, this.rootCaPem, { now, clusterId: this.clusterId });
      this.remember(key, identity);
      return identity;
    } catch (err) {
      const reason =
        err instanceof CertificateVerificationError
          ? err.message
          : `unreadable certificate: ${(err as Error).message}`;
      throw new AuthError(grpc.status.UNAUTHENTICATED, `client certificate refused: ${reason}`);
    }
  }

  private remember(key: string, identity: NodeIdentity): void {
    if (!this.rootValidity) {
      const root = parseCertificate(this.rootCaPem, 'root CA certificate');
      this.rootValidity = { from: Date.parse(root.validFrom), until: Date.parse(root.validTo) };
    }
    // Renewed certificates replace old ones over time; a bound keeps the map small.
    if (this.verified.size >= MAX_VERIFIED) this.verified.clear();
    this.verified.set(key, {
      identity,
      from: Math.max(identity.notBefore.getTime(), this.rootValidity.from),
      until: Math.min(identity.notAfter.getTime(), this.rootValidity.until),
    });
  }

  /** Throws AuthError(PERMISSION_DENIED) when the caller is a valid node of another role. */
  requireRole(call: object, ...roles: NodeRole[]): NodeIdentity {
    const identity = this.identify(call);
    if (!roles.includes(identity.role)) {
      throw new AuthError(
        grpc.status.PERMISSION_DENIED,
        `permission denied: node ${identity.nodeId} is a ${identity.role}; this method needs a ${roles.join(' or ')}`,
      );
    }
    return identity;
  }
}

/** An error carrying the gRPC status a handler wants the caller to see. */
export function statusError(code: grpc.status, message: string): AuthError {
  return new AuthError(code, message);
}

/**
 * Wraps a unary handler so thrown errors become gRPC statuses: AuthError/statusError
 * keep their code, errors carrying a numeric gRPC `code` keep it, anything else is
 * INTERNAL (a bug, not the caller's fault).
 */
export function unary<Req, Res>(
  fn: (call: grpc.ServerUnaryCall<Req, Res>) => Promise<Res>,
): grpc.handleUnaryCall<Req, Res> {
  return (call, callback) => {
    fn(call).then(
      (res) => callback(null, res),
      (err: unknown) => callback(toServiceError(err)),
    );
  };
}

export function toServiceError(err: unknown): grpc.ServiceError {
  if (err instanceof AuthError) return err.toServiceError();
  const e = err as { code?: unknown; message?: string };
  if (typeof e?.code === 'number' && e.code in grpc.status)
    return grpcError(e.code, e.message ?? String(err));
  return grpcError(grpc.status.INTERNAL, e?.message ?? String(err));
}
