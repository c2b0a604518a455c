// shoald as a real process: it starts, answers a ping on its socket, refuses a second
// copy, and stops cleanly on SIGTERM, removing its socket and pid file.
import { ChildProcess, spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ping } from '../../../cli/daemon-client';

jest.setTimeout(30_000);

let tmp: string;
let child: ChildProcess | undefined;

// The built daemon, as users run it (deploy/test.sh builds before testing).
const built = path.join(__dirname, '../../../dist/cli/shoald.js');

function start(socket: string, dataDir: string): { proc: ChildProcess; output: () => string } {
  let out = '';
  const proc = spawn(process.execPath, [built, '--socket', socket, '--data-dir', dataDir], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  proc.stdout!.on('data', (d) => (out += d));
  proc.stderr!.on('data', (d) => (out += d));
  return { proc, output: () => out };
}

async function waitForPing(socket: string): Promise<Awaited<ReturnType<typeof ping>>> {
  for (let i = 0; i < 100; i++) {
    try {
      return await ping(socket, 500);
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new Error('shoald never answered');
}

beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'shoald-'));
  if (!fs.existsSync(built)) throw new Error(`${built} is missing: run npm run build first`);
});

afterEach(() => {
  if (child && child.exitCode === null) child.kill('SIGKILL');
  fs.rmSync(tmp, { recursive: true, force: true });
});

test('starts, answers ping, refuses a second daemon, stops cleanly on SIGTERM', async () => {
  const socket = path.join(tmp, 'run', 'shoal.sock');
  const dataDir = path.join(tmp, 'data');
  const first = start(socket, dataDir);
  child = first.proc;
  const pong = await waitForPing(socket);
  expect(pong.pid).toBe(first.proc.pid);
  expect(pong.hostname).toBe(os.hostname());
  expect(pong.dataDir).toBe(dataDir);
  expect(fs.readFileSync(path.join(tmp, 'run', 'shoald.pid'), 'utf8').trim()).toBe(String(first.proc.pid));

  const second = start(socket, dataDir);
  const secondCode = await new Promise<number | null>((resolve) => second.proc.on('exit', resolve));
  expect(secondCode).toBe(1);
  expect(second.output()).toMatch(/another shoald \(pid \d+\) is running/);
  expect((await ping(socket)).pid).toBe(first.proc.pid); // the first one is untouched

  const exited = new Promise<number | null>((resolve) => first.proc.on('exit', resolve));
  first.proc.kill('SIGTERM');
  expect(await exited).toBe(0);
  expect(first.output()).toMatch(/INFO {2}\[shoald\] started .*\n.*stopping signal=SIGTERM\n.*stopped/);
  expect(fs.existsSync(socket)).toBe(false);
  expect(fs.existsSync(path.join(tmp, 'run', 'shoald.pid'))).toBe(false);
});

test('a stale pid file and socket from a killed daemon do not block the next start', async () => {
  const socket = path.join(tmp, 'run', 'shoal.sock');
  const a = start(socket, tmp);
  child = a.proc;
  await waitForPing(socket);
  const exited = new Promise((resolve) => a.proc.on('exit', resolve));
  a.proc.kill('SIGKILL');
  await exited;
  expect(fs.existsSync(socket)).toBe(true); // left behind by kill -9
  const b = start(socket, tmp);
  child = b.proc;
  expect((await waitForPing(socket)).pid).toBe(b.proc.pid);
});
