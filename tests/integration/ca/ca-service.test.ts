// Real grpc-js servers and clients over TLS on 127.0.0.1: joining with tokens, the
// client-side CA pin, renewal, and role checks from certificates.
import * as grpc from '@grpc/grpc-js';
import { CertificateAuthority } from '../../../manager/ca/authority';
import { generateJoinToken, generateJoinTokens, JoinTokens } from '../../../manager/ca/join-token';
import { verifyNodeCertificate } from '../../../manager/ca/identity';
import { addCAService, caServiceHandlers, IssuedNodeInfo } from '../../../manager/ca/service';
import { requestNodeCertificate, renewNodeCertificate, fetchRootCA } from '../../../manager/ca/client';
import {
  clientCredentials,
  NodeCredentials,
  PeerAuthenticator,
  serverCredentials,
  unary,
} from '../../../manager/ca/tls';
import { loadProto } from '../../../proto/load';
import type { ProtoGrpcType as ControlProto } from '../../../proto/gen/control';
import type { ControlClient } from '../../../proto/gen/shoal/api/Control';

const CLUSTER = 'cluster1';

function bind(server: grpc.Server, creds: grpc.ServerCredentials): Promise<number> {
  return new Promise((resolve, reject) =>
    server.bindAsync('127.0.0.1:0', creds, (err, port) => (err ? reject(err) : resolve(port))),
  );
}

function getCluster(client: ControlClient): Promise<string> {
  return new Promise((resolve, reject) =>
    client.GetCluster({ clusterId: CLUSTER }, { deadline: Date.now() + 5000 }, (err, res) =>
      err ? reject(err) : resolve(res!.cluster!.id),
    ),
  );
}

describe('CA service over mutual TLS', () => {
  let ca: CertificateAuthority;
  let tokens: JoinTokens;
  let managerCreds: NodeCredentials;
  const issuedNodes: IssuedNodeInfo[] = [];
  let issueCalls = 0;
  const servers: grpc.Server[] = [];
  const clients: grpc.Client[] = [];
  let caAddress: string;
  let controlAddress: string;

  beforeAll(async () => {
    ({ ca } = await CertificateAuthority.create({ clusterId: CLUSTER }));
    tokens = generateJoinTokens(ca.digest);
    const mgr = await ca.issue({
      nodeId: 'manager1',
      role: 'manager',
      clusterId: CLUSTER,
      addresses: ['127.0.0.1'],
    });
    managerCreds = { certPem: mgr.certPem, keyPem: mgr.keyPem!, rootCaPem: ca.certPem };

    // The CA port accepts clients without certificates (joining nodes).
    const caServer = new grpc.Server();
    const handlers = caServiceHandlers({
      authority: () => ca,
      clusterId: CLUSTER,
      joinTokens: () => tokens,
      onNodeIssued: async (info) => {
        issuedNodes.push(info);
      },
    });
    const issue = handlers.IssueNodeCertificate;
    handlers.IssueNodeCertificate = (call, cb) => {
      issueCalls++;
      issue(call, cb);
    };
    addCAService(caServer, handlers);
    caAddress = `127.0.0.1:${await bind(caServer, serverCredentials(managerCreds, { requireClientCert: false }))}`;
    servers.push(caServer);

    // A manager-only API on a port that requires client certificates in the handshake.
    const controlServer = new grpc.Server();
    const auth = new PeerAuthenticator(ca.certPem, CLUSTER);
    const control = loadProto<ControlProto>('control.proto');
    controlServer.addService(control.shoal.api.Control.service, {
      GetCluster: unary(async (call) => {
        auth.requireRole(call, 'manager');
        return { cluster: { id: CLUSTER } };
      }),
    });
    controlAddress = `127.0.0.1:${await bind(controlServer, serverCredentials(managerCreds, { requireClientCert: true }))}`;
    servers.push(controlServer);
  });

  afterAll(async () => {
    for (const c of clients) c.close();
    await Promise.all(servers.map((s) => new Promise<void>((r) => s.tryShutdown(() => r()))));
  });

  function controlClient(creds: NodeCredentials): ControlClient {
    const control = loadProto<ControlProto>('control.proto');
    const client = new control.shoal.api.Control(
      controlAddress,
      clientCredentials(creds, { clusterId: CLUSTER }),
    );
    clients.push(client);
    return client;
  }

  it('serves the root certificate to anyone', async () => {
    expect(await fetchRootCA(caAddress)).toBe(ca.certPem);
  });

  it('a worker token gets a worker certificate; a manager token a manager one', async () => {
    const worker = await requestNodeCertificate({
      address: caAddress,
      token: tokens.worker,
      hostname: 'host-w',
      addresses: ['127.0.0.1'],
    });
    expect(worker.role).toBe('worker');
    expect(worker.clusterId).toBe(CLUSTER);
    expect(verifyNodeCertificate(worker.certPem, ca.certPem)).toMatchObject({
      nodeId: worker.nodeId,
      role: 'worker',
    });
    expect(issuedNodes.at(-1)).toMatchObject({ nodeId: worker.nodeId, role: 'worker', hostname: 'host-w' });

    const manager = await requestNodeCertificate({ address: caAddress, token: tokens.manager });
    expect(manager.role).toBe('manager');
    expect(manager.nodeId).not.toBe(worker.nodeId);
  });

  it('rejects a token with a wrong secret and records no node', async () => {
    const before = issuedNodes.length;
    const forged = generateJoinToken(ca.digest); // right CA, unknown secret
    await expect(requestNodeCertificate({ address: caAddress, token: forged })).rejects.toMatchObject({
      code: grpc.status.UNAUTHENTICATED,
      details: expect.stringMatching(/matches neither the worker nor the manager token/),
    });
    expect(issuedNodes.length).toBe(before);
  });

  it('refuses, client-side, a server whose CA does not match the token, before sending the secret', async () => {
    const { ca: otherCa } = await CertificateAuthority.create();
    const pinnedElsewhere = generateJoinToken(otherCa.digest);
    const callsBefore = issueCalls;
    await expect(requestNodeCertificate({ address: caAddress, token: pinnedElsewhere })).rejects.toThrow(
      /does not match the join token .*; refusing to send the token/,
    );
    expect(issueCalls).toBe(callsBefore);
  });

  it('a malformed token fails before any network traffic', async () => {
    await expect(requestNodeCertificate({ address: '127.0.0.1:1', token: 'SWMTKN-2-x-y' })).rejects.toThrow(
      /version "2" is not supported/,
    );
  });

  it('a client with a certificate from another CA cannot connect', async () => {
    const { ca: otherCa } = await CertificateAuthority.create({ clusterId: CLUSTER });
    const foreign = await otherCa.issue({ nodeId: 'intruder', role: 'manager', clusterId: CLUSTER });
    const foreignCreds = { certPem: foreign.certPem, keyPem: foreign.keyPem!, rootCaPem: ca.certPem };

    // Strict port: the TLS handshake fails.
    await expect(getCluster(controlClient(foreignCreds))).rejects.toMatchObject({
      code: grpc.status.UNAVAILABLE,
    });

    // CA port (client certs optional): the connection is allowed for joiners, but the
    // unverified certificate counts for nothing and authenticated calls are refused.
    await expect(renewNodeCertificate(caAddress, foreignCreds)).rejects.toMatchObject({
      code: grpc.status.UNAUTHENTICATED,
      details: expect.stringMatching(/not issued by the cluster CA/),
    });
  });

  it('a worker certificate calling a manager-only method gets PERMISSION_DENIED; a manager passes', async () => {
    const worker = await requestNodeCertificate({ address: caAddress, token: tokens.worker });
    await expect(getCluster(controlClient(worker))).rejects.toMatchObject({
      code: grpc.status.PERMISSION_DENIED,
      details: expect.stringMatching(
        new RegExp(`node ${worker.nodeId} is a worker; this method needs a manager`),
      ),
    });
    expect(await getCluster(controlClient(managerCreds))).toBe(CLUSTER);
  });

  it('renewal keeps the identity from the current certificate and needs one', async () => {
    const worker = await requestNodeCertificate({ address: caAddress, token: tokens.worker });
    const renewed = await renewNodeCertificate(caAddress, worker);
    expect(renewed.nodeId).toBe(worker.nodeId);
    expect(renewed.role).toBe('worker');
    expect(renewed.certPem).not.toBe(worker.certPem);
    expect(renewed.keyPem).not.toBe(worker.keyPem);
    expect(verifyNodeCertificate(renewed.certPem, ca.certPem).nodeId).toBe(worker.nodeId);

    // Without a client certificate the renew call is refused.
    const proto = loadProto<import('../../../proto/gen/ca').ProtoGrpcType>('ca.proto');
    const anon = new proto.shoal.ca.CA(caAddress, grpc.credentials.createSsl(Buffer.from(ca.certPem)), {
      'grpc.ssl_target_name_override': 'swarm-manager',
    });
    clients.push(anon);
    await expect(
      new Promise((resolve, reject) =>
        anon.RenewNodeCertificate({ csrPem: 'x' }, (err, res) => (err ? reject(err) : resolve(res))),
      ),
    ).rejects.toMatchObject({
      code: grpc.status.UNAUTHENTICATED,
      details: expect.stringMatching(/none was presented/),
    });
  });

  it('a node refuses a server whose certificate is not a manager one', async () => {
    const w = await ca.issue({ nodeId: 'fake-manager', role: 'worker', clusterId: CLUSTER });
    const rogue = new grpc.Server();
    addCAService(
      rogue,
      caServiceHandlers({ authority: () => ca, clusterId: CLUSTER, joinTokens: () => tokens }),
    );
    const port = await bind(
      rogue,
      serverCredentials(
        { certPem: w.certPem, keyPem: w.keyPem!, rootCaPem: ca.certPem },
        { requireClientCert: false },
      ),
    );
    servers.push(rogue);
    await expect(
      requestNodeCertificate({ address: `127.0.0.1:${port}`, token: tokens.worker }),
    ).rejects.toMatchObject({
      code: grpc.status.UNAVAILABLE,
    });
  });
});
