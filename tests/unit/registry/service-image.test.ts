// `service create/update` image flags: what gets pinned, when the registry is asked, what
// is warned, and when credentials go with the spec. The registry and config are stubs here
// (the client has its own tests); the lab test runs the real thing.
import { Command } from 'commander';
import {
  addImageOptions,
  ImageDeps,
  imageForCreate,
  imageForUpdate,
  resolveModeOf,
} from '../../../cli/commands/service-image';
import type { ImageRef } from '../../../cli/registry/reference';

const D1 = `sha256:${'1'.repeat(64)}`;
const D2 = `sha256:${'2'.repeat(64)}`;
const REG = '10.213.9.1:5000';

let asked: Array<{ ref: ImageRef; user?: string }>;
let warnings: string[];
let digest: string | Error;
const deps = (over: Partial<ImageDeps> = {}): ImageDeps => ({
  resolve: async (ref, credentials) => {
    asked.push({ ref, user: credentials?.username });
    if (digest instanceof Error) throw digest;
    return digest;
  },
  credentials: (registry) =>
    registry === REG ? { username: 'alice', password: 'pw', serveraddress: REG } : undefined,
  warn: (t) => warnings.push(t),
  ...over,
});

beforeEach(() => {
  asked = [];
  warnings = [];
  digest = D1;
});

function parse(argv: string[]): Record<string, unknown> {
  let opts: Record<string, unknown> = {};
  const cmd = addImageOptions(new Command().exitOverride()).action((o) => (opts = o));
  cmd.parse(argv, { from: 'user' });
  return opts;
}

test("flags parse as docker's: --resolve-image MODE, --no-resolve-image, --with-registry-auth", () => {
  expect(resolveModeOf(parse([]))).toBe('always');
  expect(resolveModeOf(parse(['--no-resolve-image']))).toBe('never');
  expect(resolveModeOf(parse(['--resolve-image', 'changed']))).toBe('changed');
  expect(parse(['--with-registry-auth'])).toEqual({ withRegistryAuth: true });
  expect(() => resolveModeOf(parse(['--resolve-image', 'sometimes']))).toThrow(
    '--resolve-image: must be always, changed or never, got "sometimes"',
  );
});

test('create pins the tag to the digest by default, and sends no credentials', async () => {
  const change = await imageForCreate(`${REG}/lab/app:1`, {}, deps());
  expect(change).toEqual({ image: `${REG}/lab/app:1@${D1}` });
  expect(asked[0].user).toBeUndefined();
});

test('create with --resolve-image never (or --no-resolve-image) keeps the tag and asks nothing', async () => {
  expect(await imageForCreate(`${REG}/lab/app:1`, { resolveImage: 'never' }, deps())).toEqual({
    image: `${REG}/lab/app:1`,
  });
  expect(await imageForCreate(`${REG}/lab/app:1`, { resolveImage: false }, deps())).toEqual({
    image: `${REG}/lab/app:1`,
  });
  expect(asked).toEqual([]);
});

test("an unreachable registry: the tag is kept, with docker's warning naming the image", async () => {
  digest = new Error('registry down');
  const change = await imageForCreate(`${REG}/lab/app:1`, {}, deps());
  expect(change.image).toBe(`${REG}/lab/app:1`);
  expect(warnings).toHaveLength(1);
  expect(warnings[0]).toContain(`image ${REG}/lab/app:1 could not be accessed on a registry to record`);
  expect(warnings[0]).toContain('registry down');
});

test('--with-registry-auth resolves with the credentials and sends them encoded with the spec', async () => {
  const change = await imageForCreate(`${REG}/lab/app:1`, { withRegistryAuth: true }, deps());
  expect(asked[0].user).toBe('alice');
  const auth = JSON.parse(Buffer.from(change.pullOptions!.registryAuth!, 'base64url').toString());
  expect(auth).toEqual({ username: 'alice', password: 'pw', serveraddress: REG });
});

test('a bad image reference or an unreadable credential store is an error naming the flag', async () => {
  await expect(imageForCreate('Bad/Name', {}, deps())).rejects.toThrow('image: image "Bad/Name"');
  await expect(imageForUpdate('x:1', { image: 'a:b:c' }, deps())).rejects.toThrow('--image: image "a:b:c"');
  const broken = deps({
    credentials: () => {
      throw new Error('kept by the credential helper');
    },
  });
  await expect(imageForCreate(`${REG}/a:1`, { withRegistryAuth: true }, broken)).rejects.toThrow(
    '--with-registry-auth: kept by the credential helper',
  );
});

test('update --image re-resolves the tag even when it is the same text as before', async () => {
  digest = D2;
  const change = await imageForUpdate(`${REG}/lab/app:1@${D1}`, { image: `${REG}/lab/app:1` }, deps());
  expect(change).toEqual({ image: `${REG}/lab/app:1@${D2}` });
});

test('update without --image leaves the image alone (as docker); an explicit --resolve-image always pins it', async () => {
  expect(await imageForUpdate(`${REG}/lab/app:1@${D1}`, {}, deps())).toEqual({});
  expect(await imageForUpdate(`${REG}/lab/app:1`, {}, deps())).toEqual({});
  expect(asked).toEqual([]);
  expect(await imageForUpdate(`${REG}/lab/app:1`, { resolveImage: 'always' }, deps())).toEqual({
    image: `${REG}/lab/app:1@${D1}`,
  });
  asked = [];
  expect(await imageForUpdate(`${REG}/lab/app:1`, { resolveImage: 'changed' }, deps())).toEqual({});
  expect(asked).toEqual([]);
});

test('update --with-registry-auth alone sends the credentials for the current image, image unchanged', async () => {
  const change = await imageForUpdate(`${REG}/lab/app:1@${D1}`, { withRegistryAuth: true }, deps());
  expect(change.image).toBeUndefined();
  expect(change.pullOptions?.registryAuth).toBeTruthy();
});
