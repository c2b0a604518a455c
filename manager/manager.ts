// A manager: raft member + replicated store, and on the cluster port (mutual TLS; client
// certificates optional so joining nodes can reach the CA) the CA, control, dispatcher
// and membership services. shoald runs one while its node is a manager.
import * as grpc from '@grpc/grpc-js';
import * as path from 'path';
import {
  addCAService,
  caServiceHandlers,
  CertificateAuthority,
  DEFAULT_NODE_CERT_EXPIRY_MS,
  generateJoinTokens,
  MutableCertificateProvider,
  NodeCredentials,
  PeerAuthenticator,
  serverCredentials,
  statusError,
  NodeRole,
  certificateDigest,
} from './ca';
import { DataKey, KeyRing, MemoryStore, sealCAKey } from './store';
import { startReplication } from './replication';
import { ManagerContext, Logger } from './context';
import { raftAddressFor } from './addresses';
import { controlHandlers, controlServiceDefinition, ControlMethods } from './control-api/server';
import { nodeMethods } from './control-api/nodes';
import { clusterMethods } from './control-api/cluster';
import { taskReadMethods } from './control-api/tasks';
import { serviceMethods } from './control-api/services';
import { LeaderControllers } from './leader-controllers';
import { Dispatcher } from './dispatcher/dispatcher';
import { addMembershipService, membershipHandlers } from './membership/service';
import { MembershipReconciler } from './membership/reconciler';
import { DEFAULT_HEARTBEAT_PERIOD_MS } from './node-status/timing';
import { notManagerError } from './errors';
import { CaHolder } from './ca-holder';

export interface ManagerOptions {
  nodeId: string;
  clusterId: string;
  /** <data-dir>/manager: raft/ lives here. */
  dir: string;
  credentials: () => NodeCredentials;
  certificates: MutableCertificateProvider;
  listenAddr: string;
  advertiseAddr: string;
  raftId: number;
  peers?: Map<number, string>;
  /** true for the first manager of a new cluster (or --force-new-cluster). */
  bootstrap?: boolean;
  /** State to start from (force-new-cluster). */
  local?: MemoryStore;
  dataKey: DataKey;
  logger: Logger;
  heartbeatPeriodMs?: number;
  /** More control methods (services, networks, ...) registered by other modules. */
  extraMethods?: ControlMethods;
}

/** The control methods this manager implements; others answer UNIMPLEMENTED. */
export const BUILTIN_CONTROL_METHODS: ControlMethods = {
  ...nodeMethods,
  ...clusterMethods,
  ...taskReadMethods,
  ...serviceMethods,
};

export class Manager {
  private constructor(
    readonly ctx: ManagerContext,
    private readonly server: grpc.Server,
    private readonly dispatcher: Dispatcher,
    private readonly reconciler: MembershipReconciler,
    private readonly keyring: KeyRing,
    private readonly methods: ControlMethods,
    readonly port: number,
    private readonly ca: CaHolder,
    private readonly controllers: LeaderControllers,
  ) {}

  /**
   * Resolves once this manager holds the cluster object and can sign (a joining manager
   * receives both with its first raft snapshot).
   */
  async waitUntilServing(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!this.ca.loaded) {
      if (Date.now() > deadline)
        throw new Error(`this manager did not receive the cluster state within ${timeoutMs} ms`);
      await this.ca.refresh();
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  static async start(o: ManagerOptions): Promise<Manager> {
    const keyring = new KeyRing(o.dataKey);
    const raftAddr = raftAddressFor(o.advertiseAddr);
    const repl = await startReplication({
      raftId: o.raftId,
      dir: path.join(o.dir, 'raft'),
      listen: raftAddressFor(o.listenAddr),
      advertise: raftAddr,
      peers: o.peers,
      bootstrap: o.bootstrap ? [o.raftId] : undefined,
      credentials: o.credentials(),
      certificates: o.certificates,
      dataKey: o.dataKey,
      local: o.local,
      logger: (m) => o.logger.info(m),
    });
    const rootPem = o.credentials().rootCaPem;
    const ctx = new ManagerContext(
      o.nodeId,
      o.clusterId,
      repl.raft,
      repl.local,
      repl.store,
      new PeerAuthenticator(rootPem, o.clusterId),
      o.credentials,
      o.advertiseAddr,
      raftAddr,
      o.logger,
    );
    repl.raft.on('leader', (c: { leader: number; term: number }) =>
      o.logger.info('raft leader', { leader: c.leader, term: c.term, self: c.leader === o.raftId }),
    );
    const methods = { ...BUILTIN_CONTROL_METHODS, ...(o.extraMethods ?? {}) };
    const dispatcher = new Dispatcher(ctx, { heartbeatPeriodMs: o.heartbeatPeriodMs });
    const reconciler = new MembershipReconciler(ctx);
    const ca = new CaHolderFor(ctx, keyring);

    const server = new grpc.Server({
      'grpc.keepalive_time_ms': 10_000,
      'grpc.keepalive_timeout_ms': 5_000,
      'grpc.keepalive_permit_without_calls': 1,
    });
    addCAService(
      server,
      caServiceHandlers({
        authority: () => ca.holder.get(),
        clusterId: o.clusterId,
        joinTokens: () => {
          const tokens = repl.local.get('clusters', o.clusterId)?.rootCa?.joinTokens;
          if (!tokens)
            throw statusError(grpc.status.UNAVAILABLE, 'the cluster object is not replicated here yet');
          return tokens;
        },
        certExpiryMs: () => {
          const ns = repl.local.get('clusters', o.clusterId)?.spec?.caConfig?.nodeCertExpiryNs ?? 0;
          return ns > 0 ? Math.round(ns / 1e6) : DEFAULT_NODE_CERT_EXPIRY_MS;
        },
        onNodeIssued: async (info) => {
          await repl.store.update((tx) =>
            tx.nodes.create({
              id: info.nodeId,
              role: info.role,
              spec: { desiredRole: info.role, membership: 'ACCEPTED', availability: 'ACTIVE' },
              description: { hostname: info.hostname },
              status: { state: 'UNKNOWN', addr: info.addresses[0] ?? '' },
              certificateDigest: info.certificateDigest,
            }),
          );
        },
        roleForRenewal: (identity) => roleForRenewal(ctx, identity.nodeId, identity.role),
      }),
    );
    server.addService(
      controlServiceDefinition(),
      controlHandlers(() => ctx, methods, { authenticate: true }, notManagerError),
    );
    Dispatcher.addTo(server, dispatcher);
    addMembershipService(server, membershipHandlers(ctx, o.dataKey));

    let port: number;
    try {
      port = await new Promise<number>((resolve, reject) =>
        server.bindAsync(
          o.listenAddr,
          serverCredentials(o.certificates, { requireClientCert: false }),
          (err, p) =>
            err ? reject(new Error(`cannot listen on ${o.listenAddr}: ${err.message}`)) : resolve(p),
        ),
      );
    } catch (err) {
      await repl.raft.stop();
      throw err;
    }
    dispatcher.start();
    reconciler.start();
    // Orchestrator and scheduler, on whichever manager leads.
    const controllers = new LeaderControllers(ctx);
    controllers.start();
    void ca.holder.refresh();
    return new Manager(ctx, server, dispatcher, reconciler, keyring, methods, port, ca.holder, controllers);
  }

  /** Control handlers for the local socket: no certificate, same leader routing. */
  localControlHandlers(): grpc.UntypedServiceImplementation {
    return controlHandlers(() => this.ctx, this.methods, { authenticate: false }, notManagerError);
  }

  /** Writes the cluster object and the first node: `shoal init`. */
  async createCluster(args: {
    ca: CertificateAuthority;
    caKeyPem: string;
    certExpiryMs: number;
    hostname: string;
    nodeCertPem: string;
  }): Promise<void> {
    const { ctx } = this;
    await ctx.raft.waitForLeader(10_000);
    await ctx.store.update((tx) => {
      tx.clusters.create({
        id: ctx.clusterId,
        spec: {
          annotations: { name: 'default' },
          caConfig: { nodeCertExpiryNs: args.certExpiryMs * 1e6 },
          dispatcher: { heartbeatPeriodNs: DEFAULT_HEARTBEAT_PERIOD_MS * 1e6 },
        },
        rootCa: {
          caCertPem: args.ca.certPem,
          sealedCaKey: sealCAKey(this.keyring, ctx.clusterId, args.caKeyPem),
          caDigest: args.ca.digest,
          joinTokens: generateJoinTokens(args.ca.digest),
        },
      });
      tx.nodes.create({
        id: ctx.nodeId,
        role: 'manager',
        spec: { desiredRole: 'manager', membership: 'ACCEPTED', availability: 'ACTIVE' },
        description: { hostname: args.hostname },
        status: { state: 'UNKNOWN' },
        managerStatus: {
          raftId: ctx.raft.id,
          addr: ctx.controlAddr,
          leader: true,
          reachability: 'REACHABLE',
        },
        certificateDigest: certificateDigest(args.nodeCertPem),
      });
    });
  }

  async stop(): Promise<void> {
    this.controllers.stop();
    this.dispatcher.stop();
    this.reconciler.stop();
    this.ctx.connections.close();
    await new Promise<void>((resolve) => {
      const t = setTimeout(() => {
        this.server.forceShutdown();
        resolve();
      }, 1000);
      this.server.tryShutdown(() => {
        clearTimeout(t);
        resolve();
      });
    });
    await this.ctx.raft.stop();
  }
}

class CaHolderFor {
  readonly holder: CaHolder;
  constructor(ctx: ManagerContext, keyring: KeyRing) {
    this.holder = new CaHolder(ctx.local, ctx.clusterId, keyring, ctx.logger);
    ctx.local.subscribe({ tables: ['clusters'] }, () => void this.holder.refresh());
  }
}

/**
 * The role a renewing node's new certificate carries: the desired role, except that a
 * manager being demoted keeps its manager certificate until it has left raft.
 */
async function roleForRenewal(ctx: ManagerContext, nodeId: string, current: NodeRole): Promise<NodeRole> {
  const node = ctx.requireNodeRecord(nodeId);
  let role: NodeRole =
    node.spec?.desiredRole === 'manager' || node.spec?.desiredRole === 'worker'
      ? node.spec.desiredRole
      : current;
  const raftId = node.managerStatus?.raftId;
  const { voters, learners } = ctx.raft.members;
  if (role === 'worker' && raftId && (voters.includes(raftId) || learners.includes(raftId))) role = 'manager';
  if (node.role !== role) {
    await ctx.store.update(
      (tx) => {
        const n = tx.nodes.get(nodeId);
        if (!n) return;
        n.role = role;
        tx.nodes.update(n);
      },
      { retries: 5 },
    );
  }
  return role;
}
