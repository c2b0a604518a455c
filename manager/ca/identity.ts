// Who is on the other end: a certificate chain checked against the cluster root, and
// the identity the CA wrote into it. Everything here is synchronous (Node's X509
// verification), so it can run inside a TLS callback or at the top of every RPC.
import * as crypto from 'crypto';
import { parseCertificate, splitPemCertificates, subjectFields } from './pki';
import { NodeRole, ouToRole } from './roles';

export interface NodeIdentity {
  nodeId: string;
  role: NodeRole;
  clusterId: string;
  notBefore: Date;
  notAfter: Date;
}

export class CertificateVerificationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CertificateVerificationError';
  }
}

function single(fields: Map<string, string[]>, key: string, what: string): string {
  const values = fields.get(key) ?? [];
  if (values.length !== 1 || values[0] === '') {
    throw new CertificateVerificationError(
      `certificate subject must have exactly one ${key} (${what}), found ${values.length}`,
    );
  }
  return values[0];
}

function checkValidity(cert: crypto.X509Certificate, now: Date, what: string): void {
  const from = new Date(cert.validFrom);
  const to = new Date(cert.validTo);
  if (now < from) throw new CertificateVerificationError(`${what} is not valid before ${from.toISOString()}`);
  if (now > to) throw new CertificateVerificationError(`${what} expired at ${to.toISOString()}`);
}

/** Reads the identity fields without checking any signature (for display and schedules). */
export function readIdentity(cert: crypto.X509Certificate): NodeIdentity {
  const fields = subjectFields(cert);
  const ou = single(fields, 'OU', 'role');
  const role = ouToRole(ou);
  if (!role) throw new CertificateVerificationError(`certificate OU "${ou}" is not a shoal node role`);
  return {
    nodeId: single(fields, 'CN', 'node id'),
    role,
    clusterId: single(fields, 'O', 'cluster id'),
    notBefore: new Date(cert.validFrom),
    notAfter: new Date(cert.validTo),
  };
}

/**
 * Verifies a node certificate (optionally followed by intermediates, leaf first) against
 * the cluster root and returns the identity it carries. Throws CertificateVerificationError
 * naming the problem (wrong CA, expired, not a node certificate...).
 */
export function verifyNodeCertificate(
  chain: string | Uint8Array | Uint8Array[],
  rootCertPem: string,
  opts: { now?: Date; clusterId?: string } = {},
): NodeIdentity {
  const now = opts.now ?? new Date();
  const root = parseCertificate(rootCertPem, 'root CA certificate');
  let certs: crypto.X509Certificate[];
  if (typeof chain === 'string') {
    certs = splitPemCertificates(chain, 'peer certificate').map((p) =>
      parseCertificate(p, 'peer certificate'),
    );
  } else if (Array.isArray(chain)) {
    if (chain.length === 0) throw new CertificateVerificationError('no peer certificate presented');
    certs = chain.map((d) => parseCertificate(d, 'peer certificate'));
  } else {
    certs = [parseCertificate(chain, 'peer certificate')];
  }
  const leaf = certs[0];
  if (leaf.ca)
    throw new CertificateVerificationError('peer certificate is a CA certificate, not a node certificate');

  // Walk leaf -> intermediates -> root; every link must be issued and signed by the next.
  const path = [...certs.filter((c) => !c.raw.equals(root.raw)), root];
  for (let i = 0; i < path.length - 1; i++) {
    const child = path[i];
    const parent = path[i + 1];
    const what = i === 0 ? 'peer certificate' : `intermediate certificate ${i}`;
    if (i + 1 < path.length - 1 && !parent.ca) {
      throw new CertificateVerificationError(`intermediate certificate ${i + 1} is not a CA`);
    }
    if (!child.checkIssued(parent) || !child.verify(parent.publicKey)) {
      throw new CertificateVerificationError(`${what} is not signed by the cluster's root CA`);
    }
    checkValidity(child, now, what);
  }
  checkValidity(root, now, 'root CA certificate');

  const identity = readIdentity(leaf);
  if (opts.clusterId !== undefined && identity.clusterId !== opts.clusterId) {
    throw new CertificateVerificationError(
      `peer certificate belongs to cluster ${identity.clusterId}, not ${opts.clusterId}`,
    );
  }
  return identity;
}
