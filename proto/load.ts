// Loads a .proto contract for @grpc/grpc-js. The typed interfaces for each contract
// are generated into proto/gen by `npm run proto` (proto-loader-gen-types) and
// committed; this file finds the .proto sources both from ts (tests) and from dist.
import * as fs from 'fs';
import * as path from 'path';
import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';

export const LOADER_OPTIONS: protoLoader.Options = {
  keepCase: false,
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

const cache = new Map<string, grpc.GrpcObject>();

/** Loads e.g. 'raft.proto' and returns its grpc object (typed by the caller via proto/gen). */
export function loadProto<T = grpc.GrpcObject>(file: string): T {
  let obj = cache.get(file);
  if (!obj) {
    const def = protoLoader.loadSync(path.join(protoDir(), file), {
      ...LOADER_OPTIONS,
      includeDirs: [protoDir()],
    });
    obj = grpc.loadPackageDefinition(def);
    cache.set(file, obj);
  }
  return obj as unknown as T;
}
