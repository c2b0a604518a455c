// The TLS side of the contracts in this folder, which agents and managers both speak: a
// node's credentials, its role as carried in its certificate's OU (spelled as swarmkit
// spells it), and the client credentials a member dials managers with. It lives here
// because an agent may import proto/ but not manager/ (DESIGN.md's layout).
import * as grpc from '@grpc/grpc-js';
import type { PeerCertificate } from 'tls';

export type NodeRole = 'manager' | 'worker';

export const MANAGER_OU = 'swarm-manager';
export const WORKER_OU = 'swarm-worker';

export function roleToOU(role: NodeRole): string {
  return role === 'manager' ? MANAGER_OU : WORKER_OU;
}

/** A node's TLS material: its certificate (PEM), key (PEM) and the cluster root (PEM). */
export interface NodeCredentials {
  certPem: string;
  keyPem: string;
  rootCaPem: string;
}

/** Checks a server by role (OU) and cluster (O), not host name: a node dials "a manager". */
export function expectRole(role: NodeRole | undefined, clusterId: string | undefined) {
  return (_host: string, cert: PeerCertificate): Error | undefined => {
    const ou = cert.subject?.OU;
    if (role && ou !== roleToOU(role)) {
      return new Error(`the server's certificate is for a ${JSON.stringify(ou)}, not a ${roleToOU(role)}`);
    }
    if (clusterId !== undefined && cert.subject?.O !== clusterId) {
      return new Error(`the server belongs to cluster ${JSON.stringify(cert.subject?.O)}, not ${clusterId}`);
    }
    return undefined;
  };
}

export interface ClientCredentialsOptions {
  /** The role the server must have (default 'manager': nodes only ever dial managers). */
  serverRole?: NodeRole;
  clusterId?: string;
}

/** Mutual TLS as a cluster member: presents our cert, trusts only the cluster root. */
export function clientCredentials(
  creds: NodeCredentials,
  opts: ClientCredentialsOptions = {},
): grpc.ChannelCredentials {
  return grpc.credentials.createSsl(
    Buffer.from(creds.rootCaPem),
    Buffer.from(creds.keyPem),
    Buffer.from(creds.certPem),
    {
      checkServerIdentity: expectRole(opts.serverRole ?? 'manager', opts.clusterId),
    },
  );
}
