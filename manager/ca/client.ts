// The joining and renewing side of the CA protocol. Order matters when joining: fetch
// the root over unverified TLS, check it against the digest pinned in the token, and
// only then open a verified connection and send the token (which holds the secret).
import * as crypto from 'crypto';
import * as grpc from '@grpc/grpc-js';
import { loadProto } from '../../proto/load';
import type { ProtoGrpcType } from '../../proto/gen/ca';
import type { CAClient } from '../../proto/gen/shoal/ca/CA';
import type { GetRootCACertificateResponse__Output } from '../../proto/gen/shoal/ca/GetRootCACertificateResponse';
import type { IssueNodeCertificateResponse__Output } from '../../proto/gen/shoal/ca/IssueNodeCertificateResponse';
import type { RenewNodeCertificateResponse__Output } from '../../proto/gen/shoal/ca/RenewNodeCertificateResponse';
import { createCsr } from './authority';
import { parseJoinToken, verifyRemoteCA } from './join-token';
import { verifyNodeCertificate } from './identity';
import { assertRole, NodeRole } from './roles';
import { bootstrapCredentials, clientCredentials, joinCredentials, NodeCredentials } from './tls';

export interface JoinResult extends NodeCredentials {
  nodeId: string;
  role: NodeRole;
  clusterId: string;
}

export interface JoinOptions {
  /** host:port of any manager. */
  address: string;
  token: string;
  addresses?: string[];
  hostname?: string;
  timeoutMs?: number;
}

function caClient(address: string, creds: grpc.ChannelCredentials): CAClient {
  const proto = loadProto<ProtoGrpcType>('ca.proto');
  return new proto.shoal.ca.CA(address, creds);
}

function deadline(timeoutMs: number | undefined): grpc.CallOptions {
  return { deadline: Date.now() + (timeoutMs ?? 10_000) };
}

type Callback<Res> = (err: grpc.ServiceError | null, res?: Res) => void;

function call<Res>(invoke: (cb: Callback<Res>) => unknown): Promise<Res> {
  return new Promise((resolve, reject) => invoke((err, res) => (err ? reject(err) : resolve(res as Res))));
}

/** Fetches the remote's root certificate without trusting it (see verifyRemoteCA). */
export async function fetchRootCA(address: string, timeoutMs?: number): Promise<string> {
  const client = caClient(address, bootstrapCredentials());
  try {
    const res = await call<GetRootCACertificateResponse__Output>((cb) =>
      client.GetRootCACertificate({}, deadline(timeoutMs), cb),
    );
    return res.certificatePem;
  } finally {
    client.close();
  }
}

function checkIssued(
  res: { certificatePem: string; role: string; nodeId: string },
  rootCaPem: string,
  keyPem: string,
) {
  const identity = verifyNodeCertificate(res.certificatePem, rootCaPem);
  const cert = new crypto.X509Certificate(res.certificatePem);
  if (!cert.checkPrivateKey(crypto.createPrivateKey(keyPem))) {
    throw new Error('the CA returned a certificate for a different key than the one we asked for');
  }
  if (identity.nodeId !== res.nodeId || identity.role !== assertRole(res.role, 'response role')) {
    throw new Error('the CA response does not match the certificate it returned');
  }
  return identity;
}

/** Joins a cluster: returns the node's certificate, key and root, all verified. */
export async function requestNodeCertificate(opts: JoinOptions): Promise<JoinResult> {
  parseJoinToken(opts.token); // a malformed token fails before any network traffic
  const rootCaPem = await fetchRootCA(opts.address, opts.timeoutMs);
  verifyRemoteCA(opts.token, rootCaPem);

  const { csrPem, keyPem } = await createCsr();
  const client = caClient(opts.address, joinCredentials(rootCaPem));
  try {
    const res = await call<IssueNodeCertificateResponse__Output>((cb) =>
      client.IssueNodeCertificate(
        { csrPem, token: opts.token, addresses: opts.addresses ?? [], hostname: opts.hostname ?? '' },
        deadline(opts.timeoutMs),
        cb,
      ),
    );
    const identity = checkIssued(res, rootCaPem, keyPem);
    return { ...identity, certPem: res.certificatePem, keyPem, rootCaPem };
  } finally {
    client.close();
  }
}

/** Renews this node's certificate over mutual TLS with its current one (new key too). */
export async function renewNodeCertificate(
  address: string,
  current: NodeCredentials,
  opts: { addresses?: string[]; timeoutMs?: number } = {},
): Promise<JoinResult> {
  const { csrPem, keyPem } = await createCsr();
  const client = caClient(address, clientCredentials(current));
  try {
    const res = await call<RenewNodeCertificateResponse__Output>((cb) =>
      client.RenewNodeCertificate({ csrPem, addresses: opts.addresses ?? [] }, deadline(opts.timeoutMs), cb),
    );
    const identity = checkIssued(res, current.rootCaPem, keyPem);
    return { ...identity, certPem: res.certificatePem, keyPem, rootCaPem: current.rootCaPem };
  } finally {
    client.close();
  }
}
