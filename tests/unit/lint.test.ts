// Lint and format are part of the suite, so CI fails on them like on any test.
import { spawnSync } from 'child_process';
import * as path from 'path';

const root = path.join(__dirname, '..', '..');
jest.setTimeout(180_000);

function run(bin: string, args: string[]): { code: number | null; output: string } {
  const r = spawnSync(path.join(root, 'node_modules', '.bin', bin), args, { cwd: root, encoding: 'utf8' });
  return { code: r.status, output: `${r.stdout}\n${r.stderr}` };
}

test('eslint finds no problems', () => {
  const r = run('eslint', ['.']);
  if (r.code !== 0) throw new Error(`eslint failed:\n${r.output}`);
});

test('prettier finds every file formatted', () => {
  const r = run('prettier', ['--check', '.']);
  if (r.code !== 0) throw new Error(`prettier --check failed (npm run format fixes it):\n${r.output}`);
});
