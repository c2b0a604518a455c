// The cluster side of shoald: what this node is (nothing, a worker, a manager) and the
// transitions between them: init, join, leave, promotion and demotion (applied when the
// renewed certificate carries the new role), and automatic certificate renewal. The
// agent session runs whenever the node is in a cluster; the manager while it is one.
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as grpc from '@grpc/grpc-js';
import {
  CertificateAuthority,
  DEFAULT_NODE_CERT_EXPIRY_MS,
  MutableCertificateProvider,
  NodeCredentials,
  readIdentity,
  renewalPlan,
  renewNodeCertificate,
  requestNodeCertificate,
  statusError,
} from '../../manager/ca';
import { Manager } from '../../manager/manager';
import { raftAddressFor, parseHostPort } from '../../manager/addresses';
import { encodeDataKey, generateDataKey, decodeDataKey, newId } from '../../manager/store';
import { joinRaft, leaveRaft } from '../../manager/membership/client';
import { checkRemoval } from '../../manager/membership/quorum';
import { isManagerReachable } from '../../manager/membership/quorum';
import { recoverCommittedState } from '../../manager/membership/force-new-cluster';
import { AgentSession } from '../../worker-agent/session/session';
import { describeHost } from '../../worker-agent/session/describe';
import { TaskRunner } from '../../worker-agent/task-runner/task-runner';
import { LogSubscriptions } from '../../worker-agent/session/log-subscriptions';
import type { Logger } from '../log';
import { LocalState, NodeState, writeAtomic } from './local-state';
import { chooseAddresses } from './addresses';
import type { InitRequest__Output } from '../../proto/gen/shoal/daemon/InitRequest';
import type { InitResponse } from '../../proto/gen/shoal/daemon/InitResponse';
import type { JoinRequest__Output } from '../../proto/gen/shoal/daemon/JoinRequest';
import type { JoinResponse } from '../../proto/gen/shoal/daemon/JoinResponse';
import type { InfoResponse } from '../../proto/gen/shoal/daemon/InfoResponse';

const MAX_TIMER_MS = 2 ** 31 - 1;

export interface NodeDaemonOptions {
  dataDir: string;
  dockerSocket: string;
  logger: Logger;
}

export class NodeDaemon {
  readonly files: LocalState;
  private state: NodeState | undefined;
  private creds: NodeCredentials | undefined;
  private provider: MutableCertificateProvider | undefined;
  manager: Manager | undefined;
  private agent: AgentSession | undefined;
  private tasks: TaskRunner | undefined;
  private logs: LogSubscriptions | undefined;
  private renewTimer: NodeJS.Timeout | undefined;
  private renewing: Promise<void> | undefined;
  private lastRoleRenewal = 0;
  private busy = false;
  private lastError = '';

  constructor(private readonly opts: NodeDaemonOptions) {
    this.files = new LocalState(opts.dataDir);
  }

  private get log(): Logger {
    return this.opts.logger;
  }

  /** On daemon start: pick up where the node was (manager and/or agent). */
  async resume(): Promise<void> {
    const state = this.files.read();
    if (!state) return;
    this.state = state;
    this.creds = this.files.readCredentials();
    this.provider = new MutableCertificateProvider(this.creds);
    try {
      if (state.role === 'manager') await this.startManager({});
    } catch (err) {
      this.lastError = (err as Error).message;
      this.log.error('cannot start the manager', { error: err as Error });
    }
    this.startAgent();
    this.scheduleRenewal();
  }

  // ------------------------------------------------------------------ init / join / leave

  async init(req: InitRequest__Output): Promise<InitResponse> {
    return this.exclusive(async () => {
      if (req.forceNewCluster) return this.forceNewCluster();
      if (this.state) throw alreadyInCluster();
      const addrs = chooseAddresses(req.listenAddr, req.advertiseAddr);
      const expiryMs = req.certExpiryNs ? Math.round(req.certExpiryNs / 1e6) : DEFAULT_NODE_CERT_EXPIRY_MS;
      const clusterId = newId();
      const nodeId = newId();
      const { ca, keyPem: caKeyPem } = await CertificateAuthority.create({ clusterId });
      const issued = await ca
        .issue({ nodeId, role: 'manager', clusterId, addresses: [addrs.advertiseHost], expiryMs })
        .catch((err: Error) => {
          throw statusError(grpc.status.INVALID_ARGUMENT, `--cert-expiry: ${err.message}`);
        });
      const creds = { certPem: issued.certPem, keyPem: issued.keyPem!, rootCaPem: ca.certPem };
      const dataKey = generateDataKey();
      const state: NodeState = {
        nodeId,
        clusterId,
        role: 'manager',
        listenAddr: addrs.listen,
        advertiseAddr: addrs.advertise,
        managers: [addrs.advertise],
        raftId: crypto.randomInt(1, 2 ** 47),
      };
      try {
        this.adopt(state, creds);
        writeAtomic(this.files.dataKeyFile, encodeDataKey(dataKey) + '\n', 0o600);
        await this.startManager({ bootstrap: true });
        await this.manager!.createCluster({
          ca,
          caKeyPem,
          certExpiryMs: expiryMs,
          hostname: os.hostname(),
          nodeCertPem: creds.certPem,
        });
        this.files.write(state);
      } catch (err) {
        await this.teardown();
        throw err;
      }
      this.startAgent();
      this.scheduleRenewal();
      const tokens = this.manager!.ctx.local.get('clusters', clusterId)!.rootCa!.joinTokens!;
      this.log.info('initialized a new cluster', {
        cluster: clusterId,
        node: nodeId,
        advertise: addrs.advertise,
      });
      return { nodeId, clusterId, workerToken: tokens.worker, advertiseAddr: addrs.advertise };
    });
  }

  async join(req: JoinRequest__Output): Promise<JoinResponse> {
    return this.exclusive(async () => {
      if (this.state) throw alreadyInCluster();
      if (!req.token) throw statusError(grpc.status.INVALID_ARGUMENT, '--token: a join token is required');
      const remote = parseHostPort(req.remoteAddr, 'HOST:PORT');
      const remoteAddr = `${remote.host}:${remote.port}`;
      const addrs = chooseAddresses(req.listenAddr, req.advertiseAddr);
      let joined;
      try {
        joined = await requestNodeCertificate({
          address: remoteAddr,
          token: req.token,
          addresses: [addrs.advertiseHost],
          hostname: os.hostname(),
          timeoutMs: 10_000,
        });
      } catch (err) {
        throw joinError(err, remoteAddr);
      }
      const creds = { certPem: joined.certPem, keyPem: joined.keyPem, rootCaPem: joined.rootCaPem };
      const state: NodeState = {
        nodeId: joined.nodeId,
        clusterId: joined.clusterId,
        role: joined.role,
        listenAddr: addrs.listen,
        advertiseAddr: addrs.advertise,
        managers: [remoteAddr],
      };
      try {
        this.adopt(state, creds);
        if (joined.role === 'manager') await this.enterRaft(remoteAddr);
        this.files.write(state);
      } catch (err) {
        // Undo a half-done manager join so the leader does not wait on a learner forever.
        if (joined.role === 'manager')
          await leaveRaft(remoteAddr, creds, joined.clusterId, 5_000).catch(() => undefined);
        await this.teardown();
        throw err;
      }
      this.startAgent();
      this.scheduleRenewal();
      this.log.info('joined the cluster', {
        cluster: joined.clusterId,
        node: joined.nodeId,
        role: joined.role,
      });
      return { nodeId: joined.nodeId, role: joined.role };
    });
  }

  async leave(force: boolean): Promise<void> {
    return this.exclusive(async () => {
      const state = this.state;
      if (!state) throw statusError(grpc.status.FAILED_PRECONDITION, 'this node is not part of a cluster');
      if (state.role === 'manager' && this.manager) {
        if (!force) throw leaveRefusal(this.manager);
        await this.leaveRaftGracefully().catch((err: Error) =>
          this.log.warn('could not leave raft cleanly; leaving anyway (--force)', { error: err }),
        );
      }
      await this.teardown();
      this.log.info('left the cluster', { node: state.nodeId });
    });
  }

  /** --force-new-cluster: this manager alone, from its committed state. */
  private async forceNewCluster(): Promise<InitResponse> {
    const state = this.state;
    if (!state || state.role !== 'manager' || !state.raftId)
      throw statusError(
        grpc.status.FAILED_PRECONDITION,
        '--force-new-cluster: this node is not a manager of a cluster; there is no state to recover',
      );
    this.log.warn('force-new-cluster: restarting the cluster with this manager alone');
    if (this.manager) {
      await this.manager.stop();
      this.manager = undefined;
    }
    const local = await recoverCommittedState(this.files.raftDir, state.raftId, this.creds!, this.log);
    await this.startManager({ bootstrap: true, local });
    state.managers = [state.advertiseAddr];
    this.files.write(state);
    const cluster = this.manager!.ctx.local.get('clusters', state.clusterId);
    return {
      nodeId: state.nodeId,
      clusterId: state.clusterId,
      workerToken: cluster?.rootCa?.joinTokens?.worker ?? '',
      advertiseAddr: state.advertiseAddr,
    };
  }

  // ------------------------------------------------------------------ info

  info(): InfoResponse {
    const s = this.state;
    if (!s) return { localNodeState: 'inactive', error: this.lastError };
    const m = this.manager;
    let notAfter = 0;
    try {
      notAfter = readIdentity(new crypto.X509Certificate(this.creds!.certPem)).notAfter.getTime();
    } catch {
      /* shown as 0 */
    }
    return {
      localNodeState: this.lastError ? 'error' : 'active',
      nodeId: s.nodeId,
      clusterId: s.clusterId,
      role: s.role,
      nodeAddr: s.advertiseAddr,
      managers: s.managers,
      isLeader: m?.ctx.isLeader ?? false,
      raftId: s.raftId ?? 0,
      leaderAddr: m?.ctx.leaderAddress() ?? this.agent?.connectedTo ?? '',
      error: this.lastError,
      certNotAfter: notAfter,
      raftTerm: m?.ctx.raft.currentTerm ?? 0,
      raftAppliedIndex: m?.ctx.raft.appliedIndex ?? 0,
    };
  }

  async stop(): Promise<void> {
    if (this.renewTimer) clearTimeout(this.renewTimer);
    await this.agent?.stop();
    this.logs?.close();
    await this.tasks?.close();
    await this.manager?.stop();
  }

  // ------------------------------------------------------------------ internals

  private async exclusive<T>(fn: () => Promise<T>): Promise<T> {
    if (this.busy)
      throw statusError(
        grpc.status.FAILED_PRECONDITION,
        'another init, join or leave is in progress on this node',
      );
    this.busy = true;
    try {
      return await fn();
    } finally {
      this.busy = false;
    }
  }

  private adopt(state: NodeState, creds: NodeCredentials): void {
    this.files.writeCredentials(creds);
    this.state = state;
    this.creds = creds;
    this.provider = new MutableCertificateProvider(creds);
    this.lastError = '';
  }

  private async startManager(o: {
    bootstrap?: boolean;
    peers?: Map<number, string>;
    local?: import('../../manager/store').MemoryStore;
  }): Promise<void> {
    const s = this.state!;
    const dataKey = decodeDataKey(fs.readFileSync(this.files.dataKeyFile, 'utf8'));
    this.manager = await Manager.start({
      nodeId: s.nodeId,
      clusterId: s.clusterId,
      dir: this.files.managerDir,
      credentials: () => this.creds!,
      certificates: this.provider!,
      listenAddr: s.listenAddr,
      advertiseAddr: s.advertiseAddr,
      raftId: s.raftId!,
      peers: o.peers,
      bootstrap: o.bootstrap,
      local: o.local,
      dataKey,
      logger: this.log.child('manager'),
    });
    this.manager.ctx.raft.on('removed', () => this.log.warn('this manager was removed from raft'));
    // The agent prefers its own manager; it forwards to the leader anyway.
    s.managers = [s.advertiseAddr, ...s.managers.filter((m) => m !== s.advertiseAddr)];
  }

  /** With a manager certificate: get a raft id and the data key, then start the manager. */
  private async enterRaft(via: string): Promise<void> {
    const s = this.state!;
    const admission = await joinRaft(via, this.creds!, s.clusterId, {
      raftAddr: raftAddressFor(s.advertiseAddr),
      controlAddr: s.advertiseAddr,
    });
    s.raftId = admission.raftId;
    fs.mkdirSync(this.files.managerDir, { recursive: true, mode: 0o700 });
    writeAtomic(this.files.dataKeyFile, encodeDataKey(admission.dataKey) + '\n', 0o600);
    await this.startManager({ peers: admission.peers });
    await this.manager!.waitUntilServing(30_000);
  }

  private async leaveRaftGracefully(): Promise<void> {
    const m = this.manager!;
    const { voters } = m.ctx.raft.members;
    if (voters.length <= 1) return;
    if (m.ctx.isLeader) {
      const to = voters.find((v) => v !== m.ctx.raft.id && isManagerReachable(m.ctx, v));
      if (!to) throw new Error('no other reachable manager to hand leadership to');
      await m.ctx.raft.transferLeadership(to);
    }
    const route = await m.ctx.leaderRoute(3_000);
    if (route.self) throw new Error('still the leader after the transfer');
    await leaveRaft(route.address, this.creds!, this.state!.clusterId);
  }

  private startAgent(): void {
    const s = this.state!;
    const agent = new AgentSession({
      clusterId: s.clusterId,
      managers: () => this.state?.managers ?? [],
      credentials: () => this.creds!,
      describe: () => describeHost(this.opts.dockerSocket),
      logger: this.log.child('agent'),
    });
    agent.on('managers', (list) => {
      const st = this.state;
      if (!st) return;
      const own = st.role === 'manager' ? [st.advertiseAddr] : [];
      const next = [...new Set([...own, ...list])];
      if (next.join(',') !== st.managers.join(',')) {
        st.managers = next;
        this.files.write(st);
      }
    });
    agent.on('desiredRole', (role) => {
      if (!this.state || role === this.state.role || this.renewing) return;
      if (Date.now() - this.lastRoleRenewal < 2_000) return;
      this.lastRoleRenewal = Date.now();
      this.log.info('the desired role changed; renewing the certificate to take it', { role });
      void this.renewNow();
    });
    // The node's tasks follow the session: assignments in, task states out.
    const tasks = new TaskRunner({
      clusterId: s.clusterId,
      nodeId: s.nodeId,
      credentials: () => this.creds!,
      dockerSocket: this.opts.dockerSocket,
      logger: this.log.child('tasks'),
    });
    tasks.attach(agent);
    this.tasks = tasks;
    // `service logs`: the leader's log subscriptions, served from this node's containers.
    this.logs = new LogSubscriptions({
      clusterId: s.clusterId,
      credentials: () => this.creds!,
      dockerSocket: this.opts.dockerSocket,
      logger: this.log.child('logs'),
    });
    this.logs.attach(agent);
    agent.start();
    this.agent = agent;
  }

  private scheduleRenewal(): void {
    if (this.renewTimer) clearTimeout(this.renewTimer);
    if (!this.creds) return;
    const id = readIdentity(new crypto.X509Certificate(this.creds.certPem));
    const plan = renewalPlan(id.notBefore, id.notAfter, new Date(), Math.random);
    this.renewTimer = setTimeout(() => void this.renewNow(), Math.min(plan.delayMs, MAX_TIMER_MS));
    this.renewTimer.unref();
  }

  /** Renews the certificate with any reachable manager; applies a role change it brings. */
  renewNow(): Promise<void> {
    this.renewing ??= this.renew()
      .catch((err: Error) => {
        this.log.warn('certificate renewal failed; retrying in 5 s', { error: err });
        if (this.renewTimer) clearTimeout(this.renewTimer);
        this.renewTimer = setTimeout(() => void this.renewNow(), 5_000);
      })
      .finally(() => (this.renewing = undefined));
    return this.renewing;
  }

  private async renew(): Promise<void> {
    const s = this.state;
    if (!s || !this.creds) return;
    let lastErr: unknown;
    for (const addr of s.managers) {
      try {
        const renewed = await renewNodeCertificate(addr, this.creds, {
          addresses: [parseHostPort(s.advertiseAddr, 'advertise').host],
          timeoutMs: 5_000,
        });
        const creds = { certPem: renewed.certPem, keyPem: renewed.keyPem, rootCaPem: renewed.rootCaPem };
        this.files.writeCredentials(creds);
        this.creds = creds;
        this.provider!.update(creds);
        this.log.info('renewed the node certificate', { role: renewed.role, via: addr });
        if (renewed.role !== s.role) await this.changeRole(renewed.role, addr);
        this.agent?.restart();
        this.scheduleRenewal();
        return;
      } catch (err) {
        lastErr = err;
      }
    }
    throw lastErr ?? new Error('no manager known to renew with');
  }

  /**
   * Takes the role a renewed certificate brings. The role is recorded only once the change
   * is complete: a promotion that fails half way (raft admission, the manager's start) is
   * undone and left as a worker, so the next renewal (5 s later, or on the next heartbeat
   * that still asks for a manager) tries the whole promotion again.
   */
  private async changeRole(role: 'manager' | 'worker', via: string): Promise<void> {
    const s = this.state!;
    if (role === 'manager') {
      try {
        await this.enterRaft(via);
      } catch (err) {
        this.log.warn('promotion failed; staying a worker until the next try', { error: err as Error });
        await this.dropManager(via);
        throw err;
      }
      s.role = 'manager';
      this.log.info('promoted: this node is now a manager');
    } else {
      s.role = 'worker';
      await this.dropManager(via);
      this.log.info('demoted: this node is now a worker');
    }
    this.files.write(s);
  }

  /** Stops this node's manager and forgets its raft state; `fallback` is reached when no other manager is known. */
  private async dropManager(fallback: string): Promise<void> {
    const s = this.state!;
    s.raftId = undefined;
    await this.manager?.stop().catch(() => undefined);
    this.manager = undefined;
    this.files.wipeManager();
    s.managers = s.managers.filter((m) => m !== s.advertiseAddr);
    if (s.managers.length === 0) s.managers = [fallback];
  }

  private async teardown(): Promise<void> {
    if (this.renewTimer) clearTimeout(this.renewTimer);
    await this.agent?.stop().catch(() => undefined);
    this.agent = undefined;
    this.logs?.close();
    this.logs = undefined;
    await this.tasks?.close().catch(() => undefined);
    this.tasks = undefined;
    await this.manager?.stop().catch(() => undefined);
    this.manager = undefined;
    this.files.wipe();
    this.state = undefined;
    this.creds = undefined;
    this.provider = undefined;
  }
}

function alreadyInCluster(): Error {
  return statusError(
    grpc.status.FAILED_PRECONDITION,
    'this node is already part of a cluster; use `shoal leave` to leave it before you init or join another one',
  );
}

function joinError(err: unknown, remote: string): Error {
  const e = err as grpc.ServiceError;
  const msg = e.details || e.message;
  if (e.name === 'JoinTokenError') return statusError(grpc.status.INVALID_ARGUMENT, `--token: ${msg}`);
  if (e.code === grpc.status.UNAUTHENTICATED || e.code === grpc.status.INVALID_ARGUMENT)
    return statusError(grpc.status.PERMISSION_DENIED, `the manager at ${remote} refused the join: ${msg}`);
  if (e.code === grpc.status.UNAVAILABLE || e.code === grpc.status.DEADLINE_EXCEEDED)
    return statusError(grpc.status.UNAVAILABLE, `cannot reach a manager at ${remote}: ${msg}`);
  return statusError(e.code ?? grpc.status.UNKNOWN, `join via ${remote} failed: ${msg}`);
}

function leaveRefusal(m: Manager): Error {
  const { voters } = m.ctx.raft.members;
  let msg = 'You are attempting to leave the cluster on a node that is participating as a manager. ';
  if (voters.length <= 1) {
    msg +=
      'Removing the last manager erases all current state of the cluster. Use `--force` to ignore this message.';
    return statusError(grpc.status.FAILED_PRECONDITION, msg);
  }
  const check = checkRemoval(voters, m.ctx.raft.id, (id) => isManagerReachable(m.ctx, id));
  if (!check.ok)
    msg += `Removing this node leaves ${check.reachable} managers out of ${voters.length}. Without a Raft quorum your cluster will be inaccessible. `;
  msg +=
    'The only way to restore a cluster that has lost consensus is to reinitialize it with `--force-new-cluster`. Use `--force` to suppress this message.';
  return statusError(grpc.status.FAILED_PRECONDITION, msg);
}
