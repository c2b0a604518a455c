// The cluster's root CA: creates the self-signed root and signs node certificates.
// Only the public key is taken from a node's CSR (after checking the CSR's own
// signature, proving the node holds the key); the subject, SANs, usages and lifetime
// come from the CA's own decision, as in swarmkit's signing policy.
import * as crypto from 'crypto';
import * as net from 'net';
import {
  x509,
  generateKeyPair,
  exportPrivateKeyPem,
  importPrivateKeyPem,
  parseCertificate,
  certificateDigest,
  SIGNING_ALGORITHM,
  CryptoKey,
} from './pki';
import { NodeRole, assertRole, roleToOU } from './roles';
import { MIN_NODE_CERT_EXPIRY_MS } from './duration';

export const DAY_MS = 86_400_000;
export const DEFAULT_ROOT_EXPIRY_MS = 20 * 365 * DAY_MS;
export const DEFAULT_NODE_CERT_EXPIRY_MS = 90 * DAY_MS;
/** notBefore is set this far in the past so a peer with a slightly slow clock accepts a fresh cert. */
export const CERT_BACKDATE_MS = 3_600_000;

export const ROOT_CA_CN = 'shoal-ca';

export interface CreateRootCAOptions {
  expiryMs?: number;
  now?: Date;
  /** Written into the root's O so an operator can tell clusters' CAs apart. */
  clusterId?: string;
}

export interface IssueOptions {
  nodeId: string;
  role: NodeRole;
  clusterId: string;
  /** PEM PKCS#10 request; when absent a fresh key is generated and returned with the cert. */
  csrPem?: string;
  /** IP addresses and host names to put in the SAN besides the role and node id. */
  addresses?: string[];
  expiryMs?: number;
  now?: Date;
}

export interface IssuedCertificate {
  certPem: string;
  /** Present only when the CA generated the key (no CSR given). */
  keyPem?: string;
  notBefore: Date;
  notAfter: Date;
}

const ID_PATTERN = /^[a-z0-9][a-z0-9._-]{0,127}$/i;

function checkId(value: unknown, field: string): string {
  if (typeof value !== 'string' || !ID_PATTERN.test(value)) {
    throw new Error(
      `${field}: must be 1-128 characters of letters, digits, '.', '_' or '-', got ${JSON.stringify(value)}`,
    );
  }
  return value;
}

function checkExpiry(ms: number | undefined, fallback: number, min: number, field: string): number {
  if (ms === undefined) return fallback;
  if (!Number.isSafeInteger(ms) || ms < min) {
    throw new Error(`${field}: must be at least ${min} ms, got ${ms}`);
  }
  return ms;
}

function sanEntries(nodeId: string, role: NodeRole, addresses: string[]): x509.JsonGeneralName[] {
  // The role and node id are DNS SANs so a client can demand "a manager" as the
  // server name (swarmkit's trick) without knowing which manager it reached.
  const names: x509.JsonGeneralName[] = [
    { type: 'dns', value: roleToOU(role) },
    { type: 'dns', value: nodeId },
  ];
  const seen = new Set(names.map((n) => n.value));
  addresses.forEach((addr, i) => {
    if (typeof addr !== 'string' || addr.length === 0 || addr.length > 253 || /[\s,/]/.test(addr)) {
      throw new Error(`addresses[${i}]: not an IP address or host name: ${JSON.stringify(addr)}`);
    }
    if (seen.has(addr)) return;
    seen.add(addr);
    names.push({ type: net.isIP(addr) ? 'ip' : 'dns', value: addr });
  });
  return names;
}

async function readCsr(csrPem: string): Promise<x509.Pkcs10CertificateRequest> {
  let csr: x509.Pkcs10CertificateRequest;
  try {
    csr = new x509.Pkcs10CertificateRequest(csrPem);
  } catch (err) {
    throw new Error(`csr: not a PEM certificate signing request: ${(err as Error).message}`, { cause: err });
  }
  const alg = csr.publicKey.algorithm as crypto.webcrypto.EcKeyAlgorithm;
  if (alg.name !== 'ECDSA' || alg.namedCurve !== 'P-256') {
    throw new Error(
      `csr: the key must be ECDSA P-256, got ${alg.name}${alg.namedCurve ? ' ' + alg.namedCurve : ''}`,
    );
  }
  if (!(await csr.verify())) throw new Error('csr: the signature does not match its public key');
  return csr;
}

/** Makes a PKCS#10 request for a fresh P-256 key: what a joining node sends to the CA. */
export async function createCsr(): Promise<{ csrPem: string; keyPem: string }> {
  const keys = await generateKeyPair();
  const csr = await x509.Pkcs10CertificateRequestGenerator.create({
    // The CA ignores the subject; a placeholder keeps the request well-formed.
    name: 'CN=shoal-node',
    keys,
    signingAlgorithm: SIGNING_ALGORITHM,
  });
  return { csrPem: csr.toString('pem'), keyPem: await exportPrivateKeyPem(keys.privateKey) };
}

export class CertificateAuthority {
  readonly certPem: string;
  /** sha256 of the root's DER (hex). Join tokens pin it. */
  readonly digest: string;
  private readonly cert: x509.X509Certificate;

  private constructor(
    certPem: string,
    private readonly signingKey: CryptoKey | undefined,
  ) {
    this.cert = new x509.X509Certificate(certPem);
    this.certPem = this.cert.toString('pem') + '\n';
    this.digest = certificateDigest(this.certPem);
  }

  /** Creates a new self-signed root. Returns the CA and its key PEM (the caller persists it). */
  static async create(opts: CreateRootCAOptions = {}): Promise<{ ca: CertificateAuthority; keyPem: string }> {
    const expiryMs = checkExpiry(opts.expiryMs, DEFAULT_ROOT_EXPIRY_MS, MIN_NODE_CERT_EXPIRY_MS, 'ca expiry');
    const now = opts.now ?? new Date();
    const keys = await generateKeyPair();
    const name: x509.JsonName = [{ CN: [ROOT_CA_CN] }];
    if (opts.clusterId) name.push({ O: [checkId(opts.clusterId, 'clusterId')] });
    const cert = await x509.X509CertificateGenerator.createSelfSigned({
      serialNumber: randomSerial(),
      name,
      notBefore: new Date(now.getTime() - CERT_BACKDATE_MS),
      notAfter: new Date(now.getTime() + expiryMs),
      keys,
      signingAlgorithm: SIGNING_ALGORITHM,
      extensions: [
        new x509.BasicConstraintsExtension(true, 1, true),
        new x509.KeyUsagesExtension(
          x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign | x509.KeyUsageFlags.digitalSignature,
          true,
        ),
        await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
      ],
    });
    const keyPem = await exportPrivateKeyPem(keys.privateKey);
    return { ca: new CertificateAuthority(cert.toString('pem'), keys.privateKey), keyPem };
  }

  /**
   * Loads a root from PEM. Without keyPem the CA can verify but not sign (a worker,
   * or a joining node that only fetched the root).
   */
  static async load(certPem: string, keyPem?: string): Promise<CertificateAuthority> {
    const node = parseCertificate(certPem, 'ca certificate');
    if (!node.ca) throw new Error('ca certificate: is not a CA certificate (basicConstraints cA is false)');
    if (keyPem === undefined) return new CertificateAuthority(certPem, undefined);
    const key = await importPrivateKeyPem(keyPem, 'ca key');
    const pub = crypto.createPublicKey(keyPem).export({ format: 'der', type: 'spki' });
    if (!Buffer.from(pub).equals(node.publicKey.export({ format: 'der', type: 'spki' }))) {
      throw new Error('ca key: does not belong to the CA certificate');
    }
    return new CertificateAuthority(certPem, key);
  }

  get canSign(): boolean {
    return this.signingKey !== undefined;
  }

  get notAfter(): Date {
    return this.cert.notAfter;
  }

  async issue(opts: IssueOptions): Promise<IssuedCertificate> {
    if (!this.signingKey)
      throw new Error('this CA has no signing key (it was loaded from the certificate only)');
    const nodeId = checkId(opts.nodeId, 'nodeId');
    const clusterId = checkId(opts.clusterId, 'clusterId');
    const role = assertRole(opts.role);
    const expiryMs = checkExpiry(
      opts.expiryMs,
      DEFAULT_NODE_CERT_EXPIRY_MS,
      MIN_NODE_CERT_EXPIRY_MS,
      'certificate expiry',
    );
    const san = sanEntries(nodeId, role, opts.addresses ?? []);

    let publicKey: CryptoKey | x509.PublicKey;
    let keyPem: string | undefined;
    if (opts.csrPem !== undefined) {
      publicKey = (await readCsr(opts.csrPem)).publicKey;
    } else {
      const keys = await generateKeyPair();
      publicKey = keys.publicKey;
      keyPem = await exportPrivateKeyPem(keys.privateKey);
    }

    const now = opts.now ?? new Date();
    const notBefore = new Date(now.getTime() - CERT_BACKDATE_MS);
    // A node certificate never outlives the root that vouches for it.
    const notAfter = new Date(Math.min(now.getTime() + expiryMs, this.cert.notAfter.getTime()));
    const cert = await x509.X509CertificateGenerator.create({
      serialNumber: randomSerial(),
      subject: [{ CN: [nodeId] }, { OU: [roleToOU(role)] }, { O: [clusterId] }],
      issuer: this.cert.subjectName,
      notBefore,
      notAfter,
      publicKey,
      signingKey: this.signingKey,
      signingAlgorithm: SIGNING_ALGORITHM,
      extensions: [
        new x509.BasicConstraintsExtension(false, undefined, true),
        new x509.KeyUsagesExtension(
          x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.keyEncipherment,
          true,
        ),
        new x509.ExtendedKeyUsageExtension([
          x509.ExtendedKeyUsage.serverAuth,
          x509.ExtendedKeyUsage.clientAuth,
        ]),
        new x509.SubjectAlternativeNameExtension(san),
        await x509.AuthorityKeyIdentifierExtension.create(this.cert),
      ],
    });
    return { certPem: cert.toString('pem') + '\n', keyPem, notBefore, notAfter: cert.notAfter };
  }
}

function randomSerial(): string {
  // 127 random bits, top bit clear so the DER integer stays positive.
  const bytes = crypto.randomBytes(16);
  bytes[0] &= 0x7f;
  return bytes.toString('hex');
}
