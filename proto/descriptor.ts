// What every way of loading a contract shares, without loading protobufjs' parser or
// grpc-js: where the .proto sources are, how messages are encoded and decoded, and where a
// contract's JSON descriptor is. The descriptors (proto/gen/<name>.descriptor.json, written
// by `npm run proto`, checked against the sources by a unit test) let the CLI encode and
// decode with protobufjs/light instead of parsing the .proto text on every run.
import * as fs from 'fs';
import * as path from 'path';
import type { IConversionOptions, Type } from 'protobufjs';

/** How messages become objects: the `__Output` shapes of proto/gen (proto-loader's options). */
export const LOADER_OPTIONS: IConversionOptions = {
  longs: Number, // terms/indexes stay below 2^53 (asserted where decoded)
  enums: String,
  defaults: true,
  oneofs: true,
};

/** A message object to bytes, as every sender of every contract encodes it. */
export function encodeMessage(type: Type, value: object): Buffer {
  return type.encode(type.fromObject(value)).finish() as Buffer;
}

/** Bytes to the `__Output` object, as every receiver of every contract decodes them. */
export function decodeMessage(type: Type, bytes: Buffer): object {
  return type.toObject(type.decode(bytes), LOADER_OPTIONS);
}

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
