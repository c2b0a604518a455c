// The version shoal reports, read once from package.json.
import * as fs from 'fs';
import * as path from 'path';

function read(): string {
  for (const rel of ['../package.json', '../../package.json']) {
    const p = path.join(__dirname, rel);
    if (fs.existsSync(p)) return JSON.parse(fs.readFileSync(p, 'utf8')).version as string;
  }
  return 'unknown';
}
export const VERSION = read();
