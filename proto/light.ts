// A contract's unary methods as encode/decode pairs, from its JSON descriptor in proto/gen
// (./descriptor) through protobufjs/light: no .proto parsing and no grpc-js, for short-lived
// processes (the CLI) whose whole run is one or two calls. The conversions are the ones
// proto/load's grpc-js definitions use (./descriptor), so both ways give the same objects.
import * as fs from 'fs';
import * as protobuf from 'protobufjs/light';
import { decodeMessage, descriptorFile, encodeMessage } from './descriptor';

export interface MethodCodec {
  /** The gRPC path, e.g. /shoal.api.Control/CreateService. */
  path: string;
  encode(request: object): Buffer;
  decode(response: Buffer): object;
}

const roots = new Map<string, protobuf.Root>();

function rootOf(contract: string): protobuf.Root {
  let root = roots.get(contract);
  if (!root) {
    // Not Root.fromJSON: it resolves every type's fields up front (~25 ms for control.proto
    // on the lab VM), where a call needs a handful; protobufjs resolves a type's fields
    // when the type is first used (Type.setup), so the rest are never resolved.
    const json = JSON.parse(fs.readFileSync(descriptorFile(contract), 'utf8')) as protobuf.INamespace;
    root = new protobuf.Root();
    root.addJSON(json.nested ?? {});
    roots.set(contract, root);
  }
  return root;
}

/**
 * `method` of `service` (e.g. 'shoal.api.Control') in `contract` (e.g. 'control.proto'): a
 * unary method, or with `serverStream` one that answers with a stream of messages.
 */
export function methodCodec(
  contract: string,
  service: string,
  method: string,
  shape: { serverStream?: boolean } = {},
): MethodCodec {
  const m = rootOf(contract).lookupService(service).methods[method];
  if (!m) throw new Error(`${service} has no method ${method}`);
  if (m.requestStream) throw new Error(`${service}/${method} takes a stream of requests`);
  if (!!m.responseStream !== !!shape.serverStream)
    throw new Error(`${service}/${method} ${m.responseStream ? 'answers with a stream' : 'is unary'}`);
  m.resolve();
  const req = m.resolvedRequestType!;
  const res = m.resolvedResponseType!;
  return {
    path: `/${service}/${method}`,
    encode: (request) => encodeMessage(req, request),
    decode: (bytes) => decodeMessage(res, bytes),
  };
}
