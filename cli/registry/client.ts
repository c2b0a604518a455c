// A small Docker Registry HTTP API v2 client: enough to turn a tag into the digest of its
// manifest, which is what `service create/update` pins (as Swarm's CLI does), with the
// registry's own auth flow (a bearer token from the realm it names, or basic auth).
import * as crypto from 'crypto';
import * as http from 'http';
import * as https from 'https';
import { DOCKER_HUB, ImageRef } from './reference';

/** Manifest lists / OCI indexes first: a multi-platform tag pins the list, as docker does. */
export const MANIFEST_ACCEPT = [
  'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.docker.distribution.manifest.v2+json',
  'application/vnd.oci.image.manifest.v1+json',
].join(', ');

export type RegistryErrorKind = 'unreachable' | 'unauthorized' | 'not-found' | 'protocol';

export class RegistryError extends Error {
  constructor(
    readonly kind: RegistryErrorKind,
    message: string,
  ) {
    super(message);
    this.name = 'RegistryError';
  }
}

export interface BasicCredentials {
  username: string;
  password: string;
}

export interface ResolveOptions {
  credentials?: BasicCredentials;
  /** Per HTTP request; a registry that does not answer must not hang `service create`. */
  timeoutMs?: number;
}

interface Response {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** Docker Hub's API lives on another host than its name. */
export function apiHost(domain: string): string {
  return domain === DOCKER_HUB || domain === 'index.docker.io' ? 'registry-1.docker.io' : domain;
}

function request(
  url: URL,
  method: string,
  headers: Record<string, string>,
  timeoutMs: number,
): Promise<Response> {
  const lib = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const req = lib.request(url, { method, headers, timeout: timeoutMs }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      );
      res.on('error', reject);
    });
    req.on('timeout', () =>
      req.destroy(Object.assign(new Error(`no answer within ${timeoutMs} ms`), { code: 'ETIMEDOUT' })),
    );
    req.on('error', reject);
    req.end();
  });
}

/** A TLS certificate problem means the registry does speak TLS: never retry it in the clear. */
const isCertificateError = (code: string | undefined): boolean =>
  !!code && /^(CERT_|UNABLE_TO_|DEPTH_ZERO|SELF_SIGNED|ERR_TLS_CERT)/.test(code);

/** `WWW-Authenticate: Bearer realm="...",service="...",scope="..."` -> scheme and parameters. */
export function parseChallenge(header: string): { scheme: string; params: Record<string, string> } {
  const space = header.indexOf(' ');
  const scheme = (space < 0 ? header : header.slice(0, space)).trim().toLowerCase();
  const params: Record<string, string> = {};
  for (const m of header.slice(space + 1).matchAll(/(\w+)=(?:"((?:[^"\\]|\\.)*)"|([^,\s]*))/g))
    params[m[1].toLowerCase()] = m[2] !== undefined ? m[2].replace(/\\(.)/g, '$1') : m[3];
  return { scheme, params };
}

export const basicAuthHeader = (c: BasicCredentials): string =>
  `Basic ${Buffer.from(`${c.username}:${c.password}`).toString('base64')}`;

export class RegistryClient {
  /** Hosts found to speak plain HTTP (an insecure registry, like the lab's). */
  private readonly plainHttp = new Set<string>();

  constructor(private readonly opts: ResolveOptions = {}) {}

  /**
   * The digest of the manifest `ref` names (its tag, ":latest" when it has none). A
   * reference that carries a digest already is returned as it is, without asking.
   */
  async resolveDigest(ref: ImageRef): Promise<string> {
    if (ref.digest) return ref.digest;
    const host = apiHost(ref.domain);
    const path = `/v2/${ref.repository}/manifests/${ref.tag ?? 'latest'}`;
    const name = `${ref.domain}/${ref.repository}:${ref.tag ?? 'latest'}`;
    let res = await this.call(host, 'HEAD', path);
    let authorization: string | undefined;
    if (res.status === 401) {
      authorization = await this.authorize(res, ref);
      res = await this.call(host, 'HEAD', path, authorization);
    }
    if (res.status === 401 || res.status === 403)
      throw new RegistryError('unauthorized', `${name}: the registry refused access (HTTP ${res.status})`);
    if (res.status === 404) throw new RegistryError('not-found', `${name}: manifest unknown to the registry`);
    if (res.status !== 200)
      throw new RegistryError('protocol', `${name}: the registry answered HTTP ${res.status}`);
    const header = res.headers['docker-content-digest'];
    if (typeof header === 'string' && /^[a-z0-9]+:[a-f0-9]{32,}$/.test(header)) return header;
    // Without the header (some registries omit it on HEAD), the digest is the manifest's sha256.
    res = await this.call(host, 'GET', path, authorization);
    if (res.status !== 200)
      throw new RegistryError('protocol', `${name}: the registry answered HTTP ${res.status}`);
    return `sha256:${crypto.createHash('sha256').update(res.body).digest('hex')}`;
  }

  private async call(host: string, method: string, path: string, authorization?: string): Promise<Response> {
    const headers: Record<string, string> = { Accept: MANIFEST_ACCEPT };
    if (authorization) headers.Authorization = authorization;
    const timeout = this.opts.timeoutMs ?? 10_000;
    if (!this.plainHttp.has(host)) {
      try {
        return await request(new URL(`https://${host}${path}`), method, headers, timeout);
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        // Like dockerd with an insecure registry: one that does not speak TLS at all is
        // asked over HTTP; a refused or silent host is down either way.
        if (
          isCertificateError(code) ||
          code === 'ECONNREFUSED' ||
          code === 'ETIMEDOUT' ||
          code === 'EHOSTUNREACH' ||
          code === 'ENOTFOUND'
        )
          throw new RegistryError('unreachable', `registry ${host}: ${(err as Error).message}`);
      }
    }
    try {
      const res = await request(new URL(`http://${host}${path}`), method, headers, timeout);
      this.plainHttp.add(host);
      return res;
    } catch (err) {
      throw new RegistryError('unreachable', `registry ${host}: ${(err as Error).message}`);
    }
  }

  /** Answers a 401's challenge: a bearer token from the realm, or basic credentials. */
  private async authorize(res: Response, ref: ImageRef): Promise<string> {
    const name = `${ref.domain}/${ref.repository}`;
    const header = res.headers['www-authenticate'];
    const { scheme, params } = parseChallenge(typeof header === 'string' ? header : '');
    const creds = this.opts.credentials;
    if (scheme === 'basic') {
      if (!creds) throw new RegistryError('unauthorized', `${name}: the registry requires credentials`);
      return basicAuthHeader(creds);
    }
    if (scheme !== 'bearer' || !params.realm)
      throw new RegistryError('protocol', `${name}: unsupported auth challenge "${header ?? ''}"`);
    let realm: URL;
    try {
      realm = new URL(params.realm);
    } catch {
      throw new RegistryError('protocol', `${name}: the auth realm "${params.realm}" is not a URL`);
    }
    if (params.service) realm.searchParams.set('service', params.service);
    realm.searchParams.set('scope', params.scope ?? `repository:${ref.repository}:pull`);
    let token: Response;
    try {
      token = await request(
        realm,
        'GET',
        creds ? { Authorization: basicAuthHeader(creds) } : {},
        this.opts.timeoutMs ?? 10_000,
      );
    } catch (err) {
      throw new RegistryError('unreachable', `auth server ${realm.host}: ${(err as Error).message}`);
    }
    if (token.status === 401 || token.status === 403)
      throw new RegistryError(
        'unauthorized',
        `${name}: the auth server refused the credentials (HTTP ${token.status})`,
      );
    if (token.status !== 200)
      throw new RegistryError('protocol', `${name}: the auth server answered HTTP ${token.status}`);
    let body: { token?: string; access_token?: string };
    try {
      body = JSON.parse(token.body.toString('utf8'));
    } catch {
      throw new RegistryError('protocol', `${name}: the auth server's answer is not JSON`);
    }
    const value = body.token ?? body.access_token;
    if (!value) throw new RegistryError('protocol', `${name}: the auth server gave no token`);
    return `Bearer ${value}`;
  }
}
