// How the CLI reaches the cluster: the local shoald over its unix socket (default; it
// forwards to the leader), or `-H HOST:PORT` straight to a manager over mutual TLS with
// a node certificate (default: this host's, from the shoald data dir).
// Local calls go through ./unary-call and the contract's JSON descriptor; grpc-js and the
// .proto parser load only for -H and for streams, since every CLI run pays for what it loads.
import * as fs from 'fs';
import * as path from 'path';
import type * as Grpc from '@grpc/grpc-js';
import type { Command } from 'commander';
import type { ProtoGrpcType as ControlProto } from '../proto/gen/control';
import type { ControlClient } from '../proto/gen/shoal/api/Control';
import type { InfoResponse__Output } from '../proto/gen/shoal/daemon/InfoResponse';
import { DEFAULT_SOCKET, callUnary, daemonCall } from './daemon-client';
import { methodCodec } from '../proto/light';
import { callMethod, CallError, OpenCall, streamMethod } from './socket-call';

export const DEFAULT_TLS_DIR = '/var/lib/shoal/certificates';
export const CALL_TIMEOUT_MS = 15_000;

export interface ConnectionOptions {
  host?: string;
  socket: string;
  tlsDir: string;
}

export function addConnectionOptions(cmd: Command): Command {
  return cmd
    .option('-H, --host <addr>', 'a manager to talk to directly (HOST:PORT, mutual TLS)')
    .option('--socket <path>', 'the local shoald socket', DEFAULT_SOCKET)
    .option('--tls-dir <dir>', 'node.crt, node.key and root.crt for -H', DEFAULT_TLS_DIR);
}

/** A grpc-js client of the Control service: for -H, streams, and long-lived callers (benchmarks). */
export function controlClient(o: ConnectionOptions): ControlClient {
  const grpc: typeof Grpc = require('@grpc/grpc-js');
  const { loadProto } = require('../proto/load') as typeof import('../proto/load');
  const Control = loadProto<ControlProto>('control.proto').shoal.api.Control;
  if (!o.host) return new Control(`unix://${path.resolve(o.socket)}`, grpc.credentials.createInsecure());
  const read = (f: string) => {
    const p = path.join(o.tlsDir, f);
    try {
      return fs.readFileSync(p, 'utf8');
    } catch (err) {
      throw new Error(`--tls-dir: cannot read ${p}: ${(err as Error).message}`, { cause: err });
    }
  };
  const creds = { certPem: read('node.crt'), keyPem: read('node.key'), rootCaPem: read('root.crt') };
  const { clientCredentials } = require('../proto/node-tls') as typeof import('../proto/node-tls');
  return new Control(o.host, clientCredentials(creds));
}

/** Calls a Control method by name. */
export async function control<Res>(
  o: ConnectionOptions,
  method: keyof ControlClient & string,
  req: object,
): Promise<Res> {
  if (!o.host)
    return callMethod<Res>(
      o.socket,
      methodCodec('control.proto', 'shoal.api.Control', method),
      req,
      CALL_TIMEOUT_MS,
    );
  const client = controlClient(o);
  try {
    const fn = (client[method] as unknown as (...a: unknown[]) => unknown).bind(client);
    return await callUnary<Res>((opts, cb) => fn(req, opts, cb), CALL_TIMEOUT_MS);
  } finally {
    client.close();
  }
}

/**
 * Builds the Control contract's types for `method` now, e.g. while a registry request is
 * in flight: reading the descriptor is ~25 ms of CPU the call would otherwise wait for.
 */
export function prepareControl(o: ConnectionOptions, method: keyof ControlClient & string): void {
  if (!o.host) methodCodec('control.proto', 'shoal.api.Control', method);
}

/**
 * Opens a server stream of a Control method (Watch); each message goes to `onMessage`.
 * The local socket goes through ./socket-call as unary calls do; -H through grpc-js.
 */
export function controlStream<Msg>(
  o: ConnectionOptions,
  method: keyof ControlClient & string,
  req: object,
  onMessage: (message: Msg) => void,
): OpenCall {
  if (!o.host)
    return streamMethod<Msg>(
      o.socket,
      methodCodec('control.proto', 'shoal.api.Control', method, { serverStream: true }),
      req,
      onMessage,
    );
  const client = controlClient(o);
  const fn = (client[method] as unknown as (req: object) => Grpc.ClientReadableStream<Msg>).bind(client);
  const call = fn(req);
  let cancelled = false;
  const done = new Promise<void>((resolve, reject) => {
    call.on('data', (msg: Msg) => {
      try {
        onMessage(msg);
      } catch (err) {
        reject(err as Error);
        call.cancel();
      }
    });
    call.on('error', (err: Grpc.ServiceError) =>
      cancelled ? resolve() : reject(new CallError(err.code, err.details || err.message)),
    );
    call.on('end', () => resolve());
  }).finally(() => client.close());
  return {
    cancel: () => {
      cancelled = true;
      call.cancel();
    },
    done,
  };
}

export function localInfo(socket: string): Promise<InfoResponse__Output> {
  return daemonCall<InfoResponse__Output>(socket, 'Info', {}, 5_000);
}
