// The CA gRPC service (proto/ca.proto) on managers. Store-agnostic: the current join
// tokens, the certificate lifetime and what to record about a new node come in as
// functions, so shoald can back them by the replicated store.
import * as grpc from '@grpc/grpc-js';
import { loadProto } from '../../proto/load';
import type { ProtoGrpcType } from '../../proto/gen/ca';
import type { CAHandlers } from '../../proto/gen/shoal/ca/CA';
import { CertificateAuthority, DEFAULT_NODE_CERT_EXPIRY_MS } from './authority';
import { JoinTokenError, JoinTokens, roleForJoinToken } from './join-token';
import { NodeIdentity } from './identity';
import { NodeRole } from './roles';
import { PeerAuthenticator, statusError, unary } from './tls';
import { certificateDigest } from './pki';
import { newId } from '../store/ids';

export interface IssuedNodeInfo {
  nodeId: string;
  role: NodeRole;
  addresses: string[];
  hostname: string;
  certificateDigest: string;
}

export interface CAServiceOptions {
  /** The signing CA (a function so a root rotation can swap it). */
  authority: () => CertificateAuthority;
  clusterId: string;
  /** The join tokens currently valid (from the cluster object). */
  joinTokens: () => JoinTokens | Promise<JoinTokens>;
  certExpiryMs?: () => number;
  newNodeId?: () => string;
  /**
   * Called before a certificate is handed to a new node, e.g. to create its Node
   * object in the store. If it rejects, the join fails and no certificate is returned.
   */
  onNodeIssued?: (info: IssuedNodeInfo) => Promise<void>;
  /**
   * The role a renewing node gets: by default the one in its current certificate; the
   * store can answer with the node's desired role (promotion/demotion take effect at
   * renewal), or throw a statusError to refuse (e.g. the node was removed).
   */
  roleForRenewal?: (identity: NodeIdentity) => Promise<NodeRole>;
  now?: () => Date;
}

const MAX_ADDRESSES = 16;

function checkAddresses(addresses: string[]): string[] {
  if (addresses.length > MAX_ADDRESSES) {
    throw statusError(
      grpc.status.INVALID_ARGUMENT,
      `addresses: at most ${MAX_ADDRESSES} allowed, got ${addresses.length}`,
    );
  }
  return addresses;
}

function invalidArgument(err: unknown): never {
  throw statusError(grpc.status.INVALID_ARGUMENT, (err as Error).message);
}

export function caServiceHandlers(opts: CAServiceOptions): CAHandlers {
  const now = opts.now ?? (() => new Date());
  const expiry = () => opts.certExpiryMs?.() ?? DEFAULT_NODE_CERT_EXPIRY_MS;
  const authenticator = () => new PeerAuthenticator(opts.authority().certPem, opts.clusterId, now);

  return {
    GetRootCACertificate: unary(async () => ({ certificatePem: opts.authority().certPem })),

    IssueNodeCertificate: unary(async (call) => {
      const req = call.request;
      const ca = opts.authority();
      if (!req.csrPem)
        throw statusError(grpc.status.INVALID_ARGUMENT, 'csr_pem: a certificate signing request is required');
      if (!req.token) throw statusError(grpc.status.INVALID_ARGUMENT, 'token: a join token is required');
      let role: NodeRole;
      try {
        role = roleForJoinToken(req.token, await opts.joinTokens(), ca.digest);
      } catch (err) {
        if (!(err instanceof JoinTokenError)) throw err;
        throw statusError(grpc.status.UNAUTHENTICATED, `token: ${err.message}`);
      }
      const nodeId = (opts.newNodeId ?? newId)();
      const addresses = checkAddresses(req.addresses);
      const issued = await ca
        .issue({
          csrPem: req.csrPem,
          nodeId,
          role,
          clusterId: opts.clusterId,
          addresses,
          expiryMs: expiry(),
          now: now(),
        })
        .catch(invalidArgument);
      await opts.onNodeIssued?.({
        nodeId,
        role,
        addresses,
        hostname: req.hostname,
        certificateDigest: certificateDigest(issued.certPem),
      });
      return {
        nodeId,
        role,
        clusterId: opts.clusterId,
        certificatePem: issued.certPem,
        rootCaPem: ca.certPem,
      };
    }),

    RenewNodeCertificate: unary(async (call) => {
      const identity = authenticator().identify(call);
      const req = call.request;
      if (!req.csrPem)
        throw statusError(grpc.status.INVALID_ARGUMENT, 'csr_pem: a certificate signing request is required');
      const role = opts.roleForRenewal ? await opts.roleForRenewal(identity) : identity.role;
      const ca = opts.authority();
      const issued = await ca
        .issue({
          csrPem: req.csrPem,
          nodeId: identity.nodeId,
          role,
          clusterId: opts.clusterId,
          addresses: checkAddresses(req.addresses),
          expiryMs: expiry(),
          now: now(),
        })
        .catch(invalidArgument);
      return {
        nodeId: identity.nodeId,
        role,
        clusterId: opts.clusterId,
        certificatePem: issued.certPem,
        rootCaPem: ca.certPem,
      };
    }),
  };
}

export function addCAService(server: grpc.Server, handlers: CAHandlers): void {
  const proto = loadProto<ProtoGrpcType>('ca.proto');
  server.addService(proto.shoal.ca.CA.service, handlers);
}
