// The shoal bundle uploaded to machines: the built dist/, package.json and the
// production dependencies, as one .tar.gz. Its id is the hash of its inputs, so a
// machine that already has this bundle is not sent it again.
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { run } from '../sys';

export interface Bundle {
  id: string;
  file: string;
}

export function repoRoot(): string {
  let dir = __dirname;
  for (let i = 0; i < 6; i++) {
    const pkg = path.join(dir, 'package.json');
    if (fs.existsSync(pkg) && JSON.parse(fs.readFileSync(pkg, 'utf8')).name === 'shoal') return dir;
    dir = path.dirname(dir);
  }
  throw new Error(`cannot find shoal's package.json above ${__dirname}`);
}

function walk(dir: string, out: string[]): void {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p, out);
    else out.push(p);
  }
}

async function productionPackages(root: string): Promise<string[]> {
  // In the repo, whatever the caller's working directory: npm ls elsewhere lists nothing.
  const r = await run('npm', ['ls', '--omit=dev', '--parseable', '--all'], { allowFailure: true, cwd: root });
  const packages = r.stdout
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.startsWith(path.join(root, 'node_modules') + path.sep))
    .map((l) => path.relative(root, l))
    .filter((rel, _, all) => !all.some((other) => other !== rel && rel.startsWith(other + path.sep))); // nested ones come with their parent
  // A bundle without a dependency installs fine and fails only when shoald starts on the host.
  const declared = Object.keys(
    JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).dependencies,
  );
  const missing = declared.filter((d) => !packages.includes(path.join('node_modules', d)));
  if (missing.length > 0)
    throw new Error(
      `npm ls in ${root} did not list ${missing.join(', ')}: ${r.stderr.trim() || 'no error output'}`,
    );
  return packages;
}

// The .proto contracts are loaded at run time (proto/load.ts finds them above dist/), and
// the CLI reads their JSON descriptors (proto/descriptor.ts).
const protoFiles = (root: string): string[] => [
  ...fs
    .readdirSync(path.join(root, 'proto'))
    .filter((f) => f.endsWith('.proto'))
    .map((f) => `proto/${f}`),
  ...fs
    .readdirSync(path.join(root, 'proto', 'gen'))
    .filter((f) => f.endsWith('.descriptor.json'))
    .map((f) => `proto/gen/${f}`),
];

// shoald gets a larger young generation (V8's default semi-space is 16 MB): a converge
// allocates in bursts (task objects, protobuf messages), and with the default the
// leader spent ~30% of its CPU in the garbage collector. Its effect on converge times is
// not established: two A/B pairs of 30 replicas looked better (1.21x/1.15x the floor ->
// 1.06x/1.07x), later full runs were within the run-to-run noise.
const WRAPPERS: Record<string, string> = {
  'bin/shoal': '#!/bin/sh\nexec node "$(dirname "$0")/../dist/cli/shoal.js" "$@"\n',
  'bin/shoald':
    '#!/bin/sh\nexec node --max-semi-space-size=32 "$(dirname "$0")/../dist/cli/shoald.js" "$@"\n',
};

// One build per process: provisioning several machines at once shares it.
let building: Promise<Bundle> | undefined;
export function buildBundle(): Promise<Bundle> {
  building ??= makeBundle().catch((err) => {
    building = undefined;
    throw err;
  });
  return building;
}

async function makeBundle(): Promise<Bundle> {
  const root = repoRoot();
  const dist = path.join(root, 'dist');
  if (!fs.existsSync(path.join(dist, 'cli', 'shoald.js')))
    throw new Error('shoal is not built: run `npm run build` first');
  // The key covers what goes in: every dist and contract file's size and mtime, and the lockfile.
  const files: string[] = protoFiles(root).map((f) => path.join(root, f));
  walk(dist, files);
  const key = crypto.createHash('sha256');
  for (const f of files.sort()) {
    const st = fs.statSync(f);
    key.update(`${f}:${st.size}:${st.mtimeMs}\n`);
  }
  key.update(fs.readFileSync(path.join(root, 'package-lock.json')));
  const id = key.digest('hex').slice(0, 16);
  const file = path.join(os.tmpdir(), `shoal-bundle-${id}.tar.gz`);
  if (fs.existsSync(file)) return { id, file };

  const staging = fs.mkdtempSync(path.join(os.tmpdir(), 'shoal-bundle-'));
  try {
    for (const [rel, text] of Object.entries(WRAPPERS)) {
      fs.mkdirSync(path.dirname(path.join(staging, rel)), { recursive: true });
      fs.writeFileSync(path.join(staging, rel), text, { mode: 0o755 });
    }
    fs.writeFileSync(path.join(staging, 'BUNDLE_ID'), id + '\n');
    const packages = await productionPackages(root);
    const tmp = `${file}.${process.pid}.tmp`;
    await run('tar', [
      '-czf',
      tmp,
      '-C',
      staging,
      'bin',
      'BUNDLE_ID',
      '-C',
      root,
      'package.json',
      'dist',
      ...protoFiles(root),
      ...packages,
    ]);
    fs.renameSync(tmp, file);
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
  return { id, file };
}
