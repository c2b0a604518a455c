// Scripted interaction tests: every file in testdata/ holds commands and their expected
// output. UPDATE_GOLDEN=1 rewrites the files with the actual output; review the diff
// by hand before committing, a golden file must show the correct behaviour.
import { readdirSync, readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { InteractionEnv } from './env';
import { parseScript, renderScript } from './script';

const dir = join(__dirname, 'testdata');
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.txt'))
  .sort();

describe('raft interaction scripts', () => {
  test.each(files)('%s', (file) => {
    const path = join(dir, file);
    const blocks = parseScript(readFileSync(path, 'utf8'), file);
    const env = new InteractionEnv();
    const actual: string[] = [];
    for (const b of blocks) if (b.kind === 'case') actual.push(env.run(b.command));
    if (process.env.UPDATE_GOLDEN === '1') {
      writeFileSync(path, renderScript(blocks, actual));
      return;
    }
    let k = 0;
    for (const b of blocks) {
      if (b.kind !== 'case') continue;
      expect(`${b.line}\n${actual[k]}`).toEqual(`${b.line}\n${b.expected}`);
      k++;
    }
  });
});
