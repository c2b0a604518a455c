// The registry client against a small registry served on 127.0.0.1: digest lookup,
// basic auth, the bearer token flow, and the errors a CLI warns with.
import * as crypto from 'crypto';
import * as http from 'http';
import type { AddressInfo } from 'net';
import {
  basicAuthHeader,
  MANIFEST_ACCEPT,
  parseChallenge,
  RegistryClient,
  RegistryError,
} from '../../../cli/registry/client';
import { parseImageRef } from '../../../cli/registry/reference';

const MANIFEST = JSON.stringify({ schemaVersion: 2, layers: [] });
const MANIFEST_DIGEST = `sha256:${crypto.createHash('sha256').update(MANIFEST).digest('hex')}`;
const HEADER_DIGEST = `sha256:${'c'.repeat(64)}`;

interface Behaviour {
  auth: 'none' | 'basic' | 'bearer';
  digestOnHead: boolean;
}

let server: http.Server;
let host: string;
let behaviour: Behaviour;
let seen: Array<{ method: string; url: string; accept?: string; authorization?: string }>;

const creds = { username: 'alice', password: 'pw' };
const TOKEN = 'tok-123';

beforeAll(async () => {
  server = http.createServer((req, res) => {
    seen.push({
      method: req.method!,
      url: req.url!,
      accept: req.headers.accept,
      authorization: req.headers.authorization,
    });
    const url = new URL(req.url!, 'http://x');
    if (url.pathname === '/token') {
      if (req.headers.authorization !== basicAuthHeader(creds)) return void res.writeHead(401).end();
      res.writeHead(200, { 'content-type': 'application/json' });
      return void res.end(JSON.stringify({ token: TOKEN }));
    }
    const m = /^\/v2\/(.+)\/manifests\/([^/]+)$/.exec(url.pathname);
    if (!m) return void res.writeHead(404).end();
    const want =
      behaviour.auth === 'basic'
        ? basicAuthHeader(creds)
        : behaviour.auth === 'bearer'
          ? `Bearer ${TOKEN}`
          : '';
    if (want && req.headers.authorization !== want) {
      res.writeHead(401, {
        'www-authenticate':
          behaviour.auth === 'basic'
            ? 'Basic realm="registry"'
            : `Bearer realm="http://${host}/token",service="test-registry",scope="repository:${m[1]}:pull"`,
      });
      return void res.end();
    }
    if (m[2] === 'missing') return void res.writeHead(404).end();
    const headers: Record<string, string> = {
      'content-type': 'application/vnd.docker.distribution.manifest.v2+json',
    };
    // Some registries leave the digest header out of HEAD answers; GET then gives the body.
    if (req.method === 'HEAD' && behaviour.digestOnHead) headers['docker-content-digest'] = HEADER_DIGEST;
    res.writeHead(200, headers);
    res.end(req.method === 'GET' ? MANIFEST : undefined);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((r) => server.close(r));
});

beforeEach(() => {
  behaviour = { auth: 'none', digestOnHead: true };
  seen = [];
});

const ref = (path = 'lab/app:1') => parseImageRef(`${host}/${path}`);

test("HEAD of the tag's manifest gives Docker-Content-Digest; manifest lists are asked for first", async () => {
  const digest = await new RegistryClient().resolveDigest(ref());
  expect(digest).toBe(HEADER_DIGEST);
  const head = seen.find((s) => s.method === 'HEAD')!;
  expect(head.url).toBe('/v2/lab/app/manifests/1');
  expect(head.accept).toBe(MANIFEST_ACCEPT);
  expect(MANIFEST_ACCEPT.split(', ')[0]).toBe('application/vnd.docker.distribution.manifest.list.v2+json');
  expect(MANIFEST_ACCEPT).toContain('application/vnd.oci.image.index.v1+json');
});

test('no tag means latest; a reference with a digest is not asked about', async () => {
  await new RegistryClient().resolveDigest(ref('lab/app'));
  expect(seen.at(-1)!.url).toBe('/v2/lab/app/manifests/latest');
  seen = [];
  const pinned = `sha256:${'d'.repeat(64)}`;
  expect(await new RegistryClient().resolveDigest(ref(`lab/app:1@${pinned}`))).toBe(pinned);
  expect(seen).toEqual([]);
});

test('without the header on HEAD, the digest is the sha256 of the manifest body', async () => {
  behaviour.digestOnHead = false;
  expect(await new RegistryClient().resolveDigest(ref())).toBe(MANIFEST_DIGEST);
});

test('basic auth: the challenge is answered with the credentials', async () => {
  behaviour.auth = 'basic';
  expect(await new RegistryClient({ credentials: creds }).resolveDigest(ref())).toBe(HEADER_DIGEST);
  expect(seen.at(-1)!.authorization).toBe(basicAuthHeader(creds));
});

test('bearer: a token from the realm, for the service and pull scope it named', async () => {
  behaviour.auth = 'bearer';
  expect(await new RegistryClient({ credentials: creds }).resolveDigest(ref())).toBe(HEADER_DIGEST);
  const tokenCall = new URL(seen.find((s) => s.url.startsWith('/token'))!.url, 'http://x');
  expect(tokenCall.searchParams.get('service')).toBe('test-registry');
  expect(tokenCall.searchParams.get('scope')).toBe('repository:lab/app:pull');
  expect(seen.at(-1)!.authorization).toBe(`Bearer ${TOKEN}`);
});

test('no or wrong credentials: unauthorized', async () => {
  behaviour.auth = 'basic';
  await expect(new RegistryClient().resolveDigest(ref())).rejects.toMatchObject({ kind: 'unauthorized' });
  behaviour.auth = 'bearer';
  await expect(
    new RegistryClient({ credentials: { username: 'alice', password: 'nope' } }).resolveDigest(ref()),
  ).rejects.toMatchObject({ kind: 'unauthorized' });
});

test('an unknown tag is not-found, naming the image', async () => {
  const err = (await new RegistryClient()
    .resolveDigest(ref('lab/app:missing'))
    .catch((e) => e)) as RegistryError;
  expect(err).toBeInstanceOf(RegistryError);
  expect(err.kind).toBe('not-found');
  expect(err.message).toContain(`${host}/lab/app:missing`);
});

test('a registry that is not there is unreachable', async () => {
  const closed = http.createServer();
  await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
  const port = (closed.address() as AddressInfo).port;
  await new Promise((r) => closed.close(r));
  await expect(
    new RegistryClient({ timeoutMs: 2000 }).resolveDigest(parseImageRef(`127.0.0.1:${port}/x:1`)),
  ).rejects.toMatchObject({ kind: 'unreachable' });
});

test('WWW-Authenticate parameters, quoted or not', () => {
  expect(
    parseChallenge('Bearer realm="https://auth/token",service="reg",scope="repository:a/b:pull"'),
  ).toEqual({
    scheme: 'bearer',
    params: { realm: 'https://auth/token', service: 'reg', scope: 'repository:a/b:pull' },
  });
  expect(parseChallenge('Basic realm=registry')).toEqual({ scheme: 'basic', params: { realm: 'registry' } });
});
