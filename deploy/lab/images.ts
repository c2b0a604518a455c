// The lab's test images, built from Debian's static busybox (no internet needed):
//   lab/app:1, lab/app:2  long-running HTTP servers answering "app vN on HOSTNAME"
//   lab/crash:1           exits non-zero after a moment
// They exit at once on SIGTERM so stop grace periods stay out of timings.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { run } from '../sys';

export interface ImageRecipe {
  name: string; // repository:tag inside the registry
  files: Record<string, string>; // path -> content (executable scripts)
  changes: string[]; // Dockerfile instructions given to `docker import --change`
}

const APP_SCRIPT = `#!/bin/sh
trap 'exit 0' TERM INT
mkdir -p /www
echo "app v\${APP_VERSION} on $(hostname)" > /www/index.html
echo ok > /www/health
echo "app v\${APP_VERSION} listening on :\${PORT:-80}"
httpd -f -p "\${PORT:-80}" -h /www &
wait
`;

const CRASH_SCRIPT = `#!/bin/sh
trap 'exit 0' TERM INT
echo "crash: exiting with \${CRASH_CODE:-3} in \${CRASH_AFTER:-2}s"
sleep "\${CRASH_AFTER:-2}" &
wait
exit "\${CRASH_CODE:-3}"
`;

export const LAB_IMAGES: ImageRecipe[] = [
  ...[1, 2].map((v) => ({
    name: `lab/app:${v}`,
    files: { 'app/run.sh': APP_SCRIPT },
    changes: [`ENV APP_VERSION=${v}`, 'EXPOSE 80', 'CMD ["/app/run.sh"]'],
  })),
  { name: 'lab/crash:1', files: { 'app/run.sh': CRASH_SCRIPT }, changes: ['CMD ["/app/run.sh"]'] },
];

/** A root filesystem with busybox and its applets linked into /bin. */
async function busyboxRootfs(dir: string): Promise<void> {
  const busybox = '/bin/busybox';
  if (!fs.existsSync(busybox)) throw new Error('busybox-static is not installed (run scripts/bootstrap.sh)');
  for (const d of ['bin', 'etc', 'tmp', 'www', 'app']) fs.mkdirSync(path.join(dir, d), { recursive: true });
  fs.copyFileSync(busybox, path.join(dir, 'bin/busybox'));
  fs.chmodSync(path.join(dir, 'bin/busybox'), 0o755);
  const applets = (await run(busybox, ['--list'])).stdout.split('\n').filter(Boolean);
  for (const a of applets) if (a !== 'busybox') fs.symlinkSync('busybox', path.join(dir, 'bin', a));
  fs.writeFileSync(
    path.join(dir, 'etc/passwd'),
    'root:x:0:0:root:/:/bin/sh\nnobody:x:65534:65534:nobody:/:/bin/false\n',
  );
  fs.writeFileSync(path.join(dir, 'etc/group'), 'root:x:0:\nnogroup:x:65534:\n');
}

/**
 * Builds each image with `docker import` on one lab host's daemon, tags it for the
 * lab registry and pushes it there. `docker` is the client; `dockerHost` the daemon.
 */
export async function buildAndPushImages(dockerHost: string, registry: string): Promise<string[]> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'shoal-images-'));
  const env = { ...process.env, DOCKER_HOST: dockerHost };
  try {
    const base = path.join(work, 'rootfs');
    await busyboxRootfs(base);
    const pushed: string[] = [];
    for (const recipe of LAB_IMAGES) {
      for (const [rel, text] of Object.entries(recipe.files))
        fs.writeFileSync(path.join(base, rel), text, { mode: 0o755 });
      const tar = path.join(work, 'image.tar');
      await run('tar', ['-cf', tar, '-C', base, '.']);
      const ref = `${registry}/${recipe.name}`;
      await run('docker', ['import', ...recipe.changes.flatMap((c) => ['--change', c]), tar, ref], { env });
      await run('docker', ['push', '-q', ref], { env });
      pushed.push(ref);
    }
    return pushed;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}
