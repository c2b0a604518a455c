// Key material plumbing shared by the CA and the joining side: one place that wires
// @peculiar/x509 to Node's WebCrypto and converts keys/certs between PEM and objects.
import * as crypto from 'crypto';
// @peculiar/x509 resolves its ASN.1 schemas through tsyringe, which needs Reflect metadata.
import 'reflect-metadata';
import * as x509 from '@peculiar/x509';

// lib is ES2022 without DOM, so the WebCrypto types come from Node's namespace.
export type CryptoKey = crypto.webcrypto.CryptoKey;
export type CryptoKeyPair = crypto.webcrypto.CryptoKeyPair;

const webcrypto = crypto.webcrypto;
x509.cryptoProvider.set(webcrypto as never);

export { x509, webcrypto };

export const EC_ALGORITHM: crypto.webcrypto.EcKeyGenParams = { name: 'ECDSA', namedCurve: 'P-256' };
export const SIGNING_ALGORITHM: crypto.webcrypto.EcdsaParams = { name: 'ECDSA', hash: 'SHA-256' };

export async function generateKeyPair(): Promise<CryptoKeyPair> {
  return webcrypto.subtle.generateKey(EC_ALGORITHM, true, ['sign', 'verify']);
}

/** PKCS#8 PEM ("PRIVATE KEY"), which Node's TLS and grpc-js accept directly. */
export async function exportPrivateKeyPem(key: CryptoKey): Promise<string> {
  const der = await webcrypto.subtle.exportKey('pkcs8', key);
  return x509.PemConverter.encode(der, 'PRIVATE KEY');
}

/** Imports an EC P-256 private key from PEM (PKCS#8 or SEC1 "EC PRIVATE KEY") for signing. */
export async function importPrivateKeyPem(pem: string, field = 'key'): Promise<CryptoKey> {
  let pkcs8: ArrayBuffer;
  try {
    const keyObject = crypto.createPrivateKey(pem);
    if (keyObject.asymmetricKeyType !== 'ec' || keyObject.asymmetricKeyDetails?.namedCurve !== 'prime256v1') {
      throw new Error('not an ECDSA P-256 key');
    }
    const der = keyObject.export({ format: 'der', type: 'pkcs8' });
    pkcs8 = der.buffer.slice(der.byteOffset, der.byteOffset + der.byteLength) as ArrayBuffer;
  } catch (err) {
    throw new Error(`${field}: cannot read the private key: ${(err as Error).message}`, { cause: err });
  }
  return webcrypto.subtle.importKey('pkcs8', pkcs8, EC_ALGORITHM, true, ['sign']);
}

/** Splits a PEM bundle into its certificates (leaf first, as TLS sends them). */
export function splitPemCertificates(pem: string, field = 'certificate'): string[] {
  const blocks = pem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g);
  if (!blocks || blocks.length === 0) throw new Error(`${field}: no PEM certificate found`);
  return blocks.map((b) => b + '\n');
}

export function parseCertificate(
  pemOrDer: string | Uint8Array,
  field = 'certificate',
): crypto.X509Certificate {
  try {
    return new crypto.X509Certificate(typeof pemOrDer === 'string' ? pemOrDer : Buffer.from(pemOrDer));
  } catch (err) {
    throw new Error(`${field}: not a valid X.509 certificate: ${(err as Error).message}`, { cause: err });
  }
}

export function derToPem(der: Uint8Array): string {
  return x509.PemConverter.encode(new Uint8Array(der), 'CERTIFICATE') + '\n';
}

/** sha256 of the certificate's DER, lowercase hex: what join tokens pin. */
export function certificateDigest(pemOrDer: string | Uint8Array): string {
  const cert = parseCertificate(pemOrDer, 'CA certificate');
  return crypto.createHash('sha256').update(cert.raw).digest('hex');
}

/** Parses the "CN=a\nOU=b\nO=c" subject form Node gives into a multi-map. */
export function subjectFields(cert: crypto.X509Certificate): Map<string, string[]> {
  const fields = new Map<string, string[]>();
  for (const line of cert.subject.split('\n')) {
    const eq = line.indexOf('=');
    if (eq <= 0) continue;
    const key = line.slice(0, eq);
    const values = fields.get(key) ?? [];
    values.push(line.slice(eq + 1));
    fields.set(key, values);
  }
  return fields;
}
