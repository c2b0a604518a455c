// Lets a forked member process load TypeScript sources directly (transpile only, no
// type check: jest/tsc already check them), as ts-jest does in the test process.
// Output is cached by path and mtime in TS_REGISTER_CACHE (the test's temp dir, removed
// with it) so restarted members start fast.
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');
const ts = require('typescript');

const cacheDir = process.env.TS_REGISTER_CACHE;
if (cacheDir) fs.mkdirSync(cacheDir, { recursive: true });

require.extensions['.ts'] = (module, filename) => {
  const stat = fs.statSync(filename);
  const key = crypto.createHash('sha1').update(`${filename}:${stat.mtimeMs}:${ts.version}`).digest('hex');
  const cached = cacheDir ? path.join(cacheDir, key + '.js') : undefined;
  let output;
  try {
    if (!cached) throw new Error('no cache');
    output = fs.readFileSync(cached, 'utf8');
  } catch {
    output = ts.transpileModule(fs.readFileSync(filename, 'utf8'), {
      fileName: filename,
      compilerOptions: {
        module: ts.ModuleKind.CommonJS,
        target: ts.ScriptTarget.ES2022,
        esModuleInterop: true,
        sourceMap: false,
      },
    }).outputText;
    if (cached) {
      // Write then rename, so a concurrently starting member never reads half a file.
      const tmp = `${cached}.${process.pid}`;
      fs.writeFileSync(tmp, output);
      fs.renameSync(tmp, cached);
    }
  }
  module._compile(output, filename);
};
