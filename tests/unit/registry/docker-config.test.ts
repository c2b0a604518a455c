// Credentials read from a docker client config.json, as `docker login` writes it.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { credentialsFor, dockerConfigPath, encodeRegistryAuth } from '../../../cli/registry/docker-config';

let dir: string;
let file: string;
const write = (config: object) => fs.writeFileSync(file, JSON.stringify(config));
const b64 = (s: string) => Buffer.from(s).toString('base64');

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shoal-docker-config-'));
  file = path.join(dir, 'config.json');
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

test('an inline auth entry for the registry host', () => {
  write({ auths: { '10.213.1.1:5001': { auth: b64('alice:s3cr:et') } } });
  expect(credentialsFor('10.213.1.1:5001', file)).toEqual({
    username: 'alice',
    password: 's3cr:et',
    serveraddress: '10.213.1.1:5001',
  });
  expect(credentialsFor('10.213.1.1:5000', file)).toBeUndefined();
});

test('keys written as URLs match their host; Docker Hub is under its v1 URL', () => {
  write({
    auths: {
      'https://reg.example:5000/v1/': { auth: b64('u:p') },
      'https://index.docker.io/v1/': { auth: b64('hub:pw') },
    },
  });
  expect(credentialsFor('reg.example:5000', file)?.username).toBe('u');
  expect(credentialsFor('docker.io', file)).toEqual({
    username: 'hub',
    password: 'pw',
    serveraddress: 'https://index.docker.io/v1/',
  });
});

test('no file, or no entry: no credentials', () => {
  expect(credentialsFor('reg:5000', path.join(dir, 'missing.json'))).toBeUndefined();
  write({ auths: {} });
  expect(credentialsFor('reg:5000', file)).toBeUndefined();
});

test('credentials kept by a helper are reported as unsupported, naming the helper', () => {
  write({ auths: { 'reg:5000': {} }, credsStore: 'desktop' });
  expect(() => credentialsFor('reg:5000', file)).toThrow(/docker-credential-desktop.*not support/);
  write({ credHelpers: { 'reg:5000': 'ecr-login' } });
  expect(() => credentialsFor('reg:5000', file)).toThrow(/docker-credential-ecr-login/);
});

test('a broken file is an error naming it', () => {
  fs.writeFileSync(file, '{ nope');
  expect(() => credentialsFor('reg:5000', file)).toThrow(`${file}: not valid JSON`);
  write({ auths: { 'reg:5000': { auth: b64('nocolon') } } });
  expect(() => credentialsFor('reg:5000', file)).toThrow('is not base64 of "user:password"');
});

test('DOCKER_CONFIG moves the file, as for docker', () => {
  expect(dockerConfigPath({ DOCKER_CONFIG: '/x/y' })).toBe('/x/y/config.json');
  expect(dockerConfigPath({})).toBe(path.join(os.homedir(), '.docker', 'config.json'));
});

test("the encoded form is docker's X-Registry-Auth (URL-safe base64 of the JSON)", () => {
  const creds = { username: 'a', password: '??>>', serveraddress: 'r:1' };
  const encoded = encodeRegistryAuth(creds);
  expect(encoded).not.toMatch(/[+/]/);
  expect(JSON.parse(Buffer.from(encoded, 'base64url').toString())).toEqual(creds);
});
