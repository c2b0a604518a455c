// What every way of loading a contract shares, without loading protobufjs' parser or
// grpc-js: where the .proto sources are, how decoded messages become objects, and where a
// contract's JSON descriptor is. The descriptors (proto/gen/<name>.descriptor.json, written
// by `npm run proto`, checked against the sources by a unit test) let the CLI encode and
// decode with protobufjs/light instead of parsing the .proto text on every run.
import * as fs from 'fs';
import * as path from 'path';
import type { IConversionOptions } from 'protobufjs';

/** How messages become objects: the `__Output` shapes of proto/gen (proto-loader's options). */
export const LOADER_OPTIONS: IConversionOptions = {
  longs: Number, // terms/indexes stay below 2^53 (asserted where decoded)
  enums: String,
  defaults: true,
  oneofs: true,
};

export function protoDir(): string {
  // Walk up from here to the first folder holding proto/*.proto (works from dist/proto too).
  let dir = __dirname;
  for (let i = 0; i < 5; i++) {
    const candidate = path.basename(dir) === 'proto' ? dir : path.join(dir, 'proto');
    if (fs.existsSync(candidate) && fs.readdirSync(candidate).some((f) => f.endsWith('.proto')))
      return candidate;
    dir = path.dirname(dir);
  }
  throw new Error(`cannot find the proto/ folder above ${__dirname}`);
}

/** proto/gen/control.descriptor.json for 'control.proto'. */
export function descriptorFile(contract: string): string {
  return path.join(protoDir(), 'gen', contract.replace(/\.proto$/, '.descriptor.json'));
}
