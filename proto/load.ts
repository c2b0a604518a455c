// Loads a .proto contract for @grpc/grpc-js. The typed interfaces for each contract
// are generated into proto/gen by `npm run proto` (proto-loader-gen-types) and
// committed; this file finds the .proto sources both from ts (tests) and from dist.
// The service definitions are built here from protobufjs types with the same
// (de)serializers as @grpc/proto-loader, without its loadSync: that also turns the whole
// contract into descriptor protos for reflection, which we never use, and was ~120 ms of
// every CLI call (control.proto: 170 ms through proto-loader, 45 ms parsed here).
import * as fs from 'fs';
import * as path from 'path';
import * as grpc from '@grpc/grpc-js';
import * as protobuf from 'protobufjs';
import { decodeMessage, encodeMessage, protoDir } from './descriptor';

const cache = new Map<string, grpc.GrpcObject>();

function serializer(type: protobuf.Type): (value: object) => Buffer {
  return (value) => {
    // A Buffer is a message encoded already: a follower relays the leader's answer as it
    // came (manager/forwarding), instead of decoding and encoding it again.
    if (Buffer.isBuffer(value)) return value;
    if (Array.isArray(value)) throw new Error(`cannot send an array as a ${type.name} message`);
    return encodeMessage(type, value);
  };
}

function deserializer(type: protobuf.Type): (bytes: Buffer) => object {
  return (bytes) => decodeMessage(type, bytes);
}

function serviceDefinition(service: protobuf.Service): grpc.ServiceDefinition {
  const name = service.fullName.slice(1); // ".shoal.api.Control" -> "shoal.api.Control"
  const methods: Record<string, grpc.MethodDefinition<object, object>> = {};
  for (const m of service.methodsArray) {
    const req = m.resolvedRequestType!; // set by resolveAll()
    const res = m.resolvedResponseType!;
    methods[m.name] = {
      path: `/${name}/${m.name}`,
      requestStream: !!m.requestStream,
      responseStream: !!m.responseStream,
      requestSerialize: serializer(req),
      requestDeserialize: deserializer(req),
      responseSerialize: serializer(res),
      responseDeserialize: deserializer(res),
      originalName: m.name[0].toLowerCase() + m.name.slice(1), // clients get both spellings
    };
  }
  return methods;
}

type PackageDefinition = Parameters<typeof grpc.loadPackageDefinition>[0];

/** The services defined in the contract at `file` (the root holds every loaded contract). */
function servicesOf(ns: protobuf.NamespaceBase, file: string, into: PackageDefinition): PackageDefinition {
  for (const child of ns.nestedArray) {
    if (child instanceof protobuf.Service) {
      if (child.filename === file) into[child.fullName.slice(1)] = serviceDefinition(child);
    } else if (child instanceof protobuf.Namespace) servicesOf(child, file, into);
  }
  return into;
}

/** An empty root whose imports (objects.proto, ...) resolve in proto/. */
function rootInProtoDir(): protobuf.Root {
  const dir = protoDir();
  const r = new protobuf.Root();
  r.resolvePath = (_origin, target) => (path.isAbsolute(target) ? target : path.join(dir, target));
  return r;
}

let root: protobuf.Root | undefined;
const loadedFiles = new Set<string>();

/**
 * The process's one protobufjs root, with `file` (and what it imports) loaded into it:
 * contracts share messages (objects.proto), which are then parsed, and their codecs
 * generated, once per process instead of once per contract.
 */
export function protoRoot(file: string): protobuf.Root {
  root ??= rootInProtoDir();
  if (!loadedFiles.has(file)) {
    root.loadSync(file, { keepCase: false });
    root.resolveAll();
    loadedFiles.add(file);
  }
  return root;
}

/** Loads e.g. 'raft.proto' and returns its grpc object (typed by the caller via proto/gen). */
export function loadProto<T = grpc.GrpcObject>(file: string): T {
  let obj = cache.get(file);
  if (!obj) {
    obj = grpc.loadPackageDefinition(servicesOf(protoRoot(file), path.join(protoDir(), file), {}));
    cache.set(file, obj);
  }
  return obj as unknown as T;
}

/**
 * Loads every contract and generates the codecs of all its message types (protobufjs
 * generates a type's encode/decode/convert functions on its first use). A daemon calls it
 * once it has started, so its first burst of work (the first service's tasks) does not
 * pay for it: ~7% of all managers' and agents' CPU during a first 30-replica converge.
 * One type at a time between other work (~160 ms in all), so raft ticks and heartbeats
 * are not held up.
 */
export async function warmCodecs(): Promise<number> {
  let all: protobuf.Root | undefined;
  for (const f of contractFiles()) all = protoRoot(f);
  const types: protobuf.Type[] = [];
  const collect = (ns: protobuf.NamespaceBase): void => {
    for (const child of ns.nestedArray) {
      if (child instanceof protobuf.Type) types.push(child);
      if (child instanceof protobuf.Namespace || child instanceof protobuf.Type) collect(child);
    }
  };
  if (all) collect(all);
  for (const t of types) {
    t.setup();
    await new Promise((resolve) => setImmediate(resolve));
  }
  return types.length;
}

/**
 * The JSON descriptor of one contract and what it imports, as `npm run proto` writes it to
 * proto/gen (see ./descriptor): parsed into a root of its own, so that what else this
 * process loaded does not end up in it.
 */
export function contractDescriptor(file: string): protobuf.INamespace {
  const own = rootInProtoDir();
  own.loadSync(file, { keepCase: false });
  own.resolveAll();
  return own.toJSON();
}

/** The contracts: every .proto file of proto/. */
export function contractFiles(): string[] {
  return fs
    .readdirSync(protoDir())
    .filter((f) => f.endsWith('.proto'))
    .sort();
}
