// The integration project's test environment: node's, plus the daemons' own account of a
// failure. When a test (or hook) fails while a lab is up, the last lines of each host's
// shoald log go to stderr, so a CI run that fails once in many shows what the cluster did
// then, not just what the test waited for. Lab clusters register their log files in
// `globalThis.__shoalLabLogs` (tests/support/lab-cluster.ts).
import * as fs from 'fs';
import NodeEnvironment from 'jest-environment-node';
import type { Circus } from '@jest/types';

const TAIL_LINES = 30;

export default class LabEnvironment extends NodeEnvironment {
  handleTestEvent(event: Circus.Event): void {
    if (event.name !== 'test_fn_failure' && event.name !== 'hook_failure') return;
    const logs = (this.global as { __shoalLabLogs?: Record<string, string> }).__shoalLabLogs ?? {};
    const what = event.name === 'test_fn_failure' ? `test "${event.test.name}"` : `a ${event.hook.type} hook`;
    for (const [host, file] of Object.entries(logs)) {
      process.stderr.write(
        `\n--- ${host}: last ${TAIL_LINES} lines of shoald's log after ${what} failed ---\n`,
      );
      process.stderr.write(tail(file, TAIL_LINES) + '\n');
    }
  }
}

function tail(file: string, lines: number): string {
  try {
    return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch (err) {
    return `(cannot read ${file}: ${(err as Error).message})`;
  }
}
