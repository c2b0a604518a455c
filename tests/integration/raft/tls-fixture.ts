// Throw-away certificate authorities for transport tests, made with the openssl CLI.
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import type { TlsFiles } from '../../../raft/transport';

const ssl = (args: string[], cwd: string) => execFileSync('openssl', args, { cwd, stdio: 'pipe' });

/** Creates a CA named `name` in `dir` and returns a function issuing certs for 127.0.0.1. */
export function makeCa(dir: string, name: string): (who: string) => TlsFiles {
  fs.mkdirSync(dir, { recursive: true });
  const ecKey = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  ssl(
    [
      'req',
      '-x509',
      ...ecKey,
      '-keyout',
      `${name}.key`,
      '-out',
      `${name}.crt`,
      '-subj',
      `/CN=${name}`,
      '-days',
      '1',
    ],
    dir,
  );
  fs.writeFileSync(
    path.join(dir, 'ext.cnf'),
    'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth,clientAuth\n',
  );
  return (who: string) => {
    const base = `${name}-${who}`;
    ssl(['req', ...ecKey, '-keyout', `${base}.key`, '-out', `${base}.csr`, '-subj', `/CN=${who}`], dir);
    ssl(
      [
        'x509',
        '-req',
        '-in',
        `${base}.csr`,
        '-CA',
        `${name}.crt`,
        '-CAkey',
        `${name}.key`,
        '-CAcreateserial',
        '-out',
        `${base}.crt`,
        '-days',
        '1',
        '-extfile',
        'ext.cnf',
      ],
      dir,
    );
    return {
      ca: fs.readFileSync(path.join(dir, `${name}.crt`)),
      cert: fs.readFileSync(path.join(dir, `${base}.crt`)),
      key: fs.readFileSync(path.join(dir, `${base}.key`)),
    };
  };
}
