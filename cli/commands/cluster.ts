// `shoal init | join | join-token | leave | info`: cluster membership, as `docker swarm`.
import { Command, InvalidArgumentError } from 'commander';
// The leaf module, not manager/ca: its index loads the x509 library, ~0.2 s of every CLI start.
import { parseDurationAtLeast, MIN_NODE_CERT_EXPIRY_MS } from '../../manager/ca/duration';
import { DEFAULT_SOCKET, daemonCall } from '../daemon-client';
import { addConnectionOptions, ConnectionOptions, control, localInfo } from '../control-client';
import { print } from '../output';
import { readModifyWrite } from './read-modify-write';
import type { InitResponse__Output } from '../../proto/gen/shoal/daemon/InitResponse';
import type { JoinResponse__Output } from '../../proto/gen/shoal/daemon/JoinResponse';
import type { GetClusterResponse__Output } from '../../proto/gen/shoal/api/GetClusterResponse';
import type { UpdateClusterResponse__Output } from '../../proto/gen/shoal/api/UpdateClusterResponse';
import type { ClusterSpec } from '../../proto/gen/shoal/api/ClusterSpec';

// Joins wait for a learner to catch up and a snapshot to travel: allow more than a plain call.
const MEMBERSHIP_TIMEOUT_MS = 60_000;

const certExpiry = (v: string): number => {
  try {
    return parseDurationAtLeast(v, MIN_NODE_CERT_EXPIRY_MS, '--cert-expiry');
  } catch (err) {
    throw new InvalidArgumentError((err as Error).message);
  }
};

const historyLimit = (v: string): number => {
  if (!/^-?\d+$/.test(v.trim()))
    throw new InvalidArgumentError(`--task-history-limit: must be a whole number, got "${v}"`);
  return Number(v);
};

// Heartbeats under 100 ms would swamp the leader; the control API refuses them too.
const heartbeatPeriod = (v: string): number => {
  try {
    return parseDurationAtLeast(v, 100, '--dispatcher-heartbeat');
  } catch (err) {
    throw new InvalidArgumentError((err as Error).message);
  }
};

function joinInstructions(role: 'worker' | 'manager', token: string, addr: string): string {
  return `To add a ${role} to this cluster, run the following command:\n\n    shoal join --token ${token} ${addr}\n`;
}

export function clusterCommands(): Command[] {
  const init = new Command('init')
    .description('create a cluster with this node as its first manager')
    .option('--advertise-addr <addr>', 'address other nodes reach this manager at (host[:port])', '')
    .option('--listen-addr <addr>', 'address to serve the cluster API on', '0.0.0.0:2377')
    .option('--cert-expiry <duration>', 'lifetime of node certificates (e.g. 2160h, 90d)', certExpiry)
    .option('--force-new-cluster', 'restart a cluster that lost quorum from this manager, keeping its state')
    .option('--socket <path>', 'the local shoald socket', DEFAULT_SOCKET)
    .action(
      async (o: {
        advertiseAddr: string;
        listenAddr: string;
        certExpiry?: number;
        forceNewCluster?: boolean;
        socket: string;
      }) => {
        const r = await daemonCall<InitResponse__Output>(
          o.socket,
          'Init',
          {
            advertiseAddr: o.advertiseAddr,
            listenAddr: o.listenAddr,
            certExpiryNs: (o.certExpiry ?? 0) * 1e6,
            forceNewCluster: !!o.forceNewCluster,
          },
          MEMBERSHIP_TIMEOUT_MS,
        );
        print(
          `${o.forceNewCluster ? 'Cluster restarted from this manager alone' : 'Cluster initialized'}: current node (${r.nodeId}) is now a manager.\n\n` +
            joinInstructions('worker', r.workerToken, r.advertiseAddr) +
            "\nTo add a manager to this cluster, run 'shoal join-token manager' and follow the instructions.\n",
        );
      },
    );

  const join = new Command('join')
    .description('join a cluster as a worker or a manager (the token decides)')
    .argument('<host:port>', 'a manager of the cluster')
    .requiredOption('--token <token>', 'the join token (shoal join-token worker|manager)')
    .option('--advertise-addr <addr>', 'address other nodes reach this node at', '')
    .option(
      '--listen-addr <addr>',
      'address to serve the cluster API on, if this node becomes a manager',
      '0.0.0.0:2377',
    )
    .option('--socket <path>', 'the local shoald socket', DEFAULT_SOCKET)
    .action(
      async (
        remote: string,
        o: { token: string; advertiseAddr: string; listenAddr: string; socket: string },
      ) => {
        const r = await daemonCall<JoinResponse__Output>(
          o.socket,
          'Join',
          {
            token: o.token,
            remoteAddr: remote,
            advertiseAddr: o.advertiseAddr,
            listenAddr: o.listenAddr,
          },
          MEMBERSHIP_TIMEOUT_MS,
        );
        print(`This node joined a cluster as a ${r.role}.`);
      },
    );

  const joinToken = addConnectionOptions(
    new Command('join-token')
      .description('show (or rotate) the token to join as a worker or a manager')
      .argument('<role>', 'worker or manager')
      .option('--rotate', 'replace the token; the old one stops working')
      .option('-q, --quiet', 'print the token only'),
  ).action(async (role: string, o: ConnectionOptions & { rotate?: boolean; quiet?: boolean }) => {
    if (role !== 'worker' && role !== 'manager')
      throw new Error(`role: must be "worker" or "manager", got "${role}"`);
    let cluster = (await control<GetClusterResponse__Output>(o, 'GetCluster', {})).cluster!;
    if (o.rotate) {
      cluster = await readModifyWrite(async () => {
        const current = (await control<GetClusterResponse__Output>(o, 'GetCluster', {})).cluster!;
        const res = await control<UpdateClusterResponse__Output>(o, 'UpdateCluster', {
          clusterId: current.id,
          clusterVersion: current.meta?.version,
          spec: current.spec,
          rotation: { workerJoinToken: role === 'worker', managerJoinToken: role === 'manager' },
        });
        return res.cluster!;
      });
      if (!o.quiet) print(`Successfully rotated ${role} join token.\n`);
    }
    const token = cluster.rootCa!.joinTokens![role];
    if (o.quiet) return print(token);
    const addr = o.host ?? (await localInfo(o.socket)).nodeAddr;
    print(joinInstructions(role, token, addr));
  });

  const leave = new Command('leave')
    .description('leave the cluster')
    .option('-f, --force', 'leave even as a manager (Swarm quorum warnings are ignored)')
    .option('--socket <path>', 'the local shoald socket', DEFAULT_SOCKET)
    .action(async (o: { force?: boolean; socket: string }) => {
      await daemonCall(o.socket, 'Leave', { force: !!o.force }, MEMBERSHIP_TIMEOUT_MS);
      print('Node left the cluster.');
    });

  const info = new Command('info')
    .description("this node's place in the cluster")
    .option('--format <format>', 'json, or a {{.Field}} template')
    .option('--socket <path>', 'the local shoald socket', DEFAULT_SOCKET)
    .action(async (o: { format?: string; socket: string }) => {
      const i = await localInfo(o.socket);
      if (o.format === 'json') return print(JSON.stringify(i));
      print(
        [
          `Cluster: ${i.localNodeState}`,
          ...(i.localNodeState === 'inactive'
            ? []
            : [
                ` NodeID: ${i.nodeId}`,
                ` ClusterID: ${i.clusterId}`,
                ` Role: ${i.role}${i.isLeader ? ' (leader)' : ''}`,
                ` Node Address: ${i.nodeAddr}`,
                ` Manager Addresses: ${i.managers.join(', ')}`,
                ` Certificate Expires: ${i.certNotAfter ? new Date(Number(i.certNotAfter)).toISOString() : '-'}`,
                ...(i.role === 'manager'
                  ? [` Raft: term ${i.raftTerm}, applied index ${i.raftAppliedIndex}`]
                  : []),
              ]),
          ...(i.error ? [` Error: ${i.error}`] : []),
        ].join('\n'),
      );
    });

  const update = addConnectionOptions(
    new Command('update')
      .description('change cluster settings, as `docker swarm update`')
      .option(
        '--task-history-limit <n>',
        'tasks kept per slot, the current one included (-1: all)',
        historyLimit,
      )
      .option('--dispatcher-heartbeat <duration>', 'how often agents report (e.g. 5s)', heartbeatPeriod)
      .option(
        '--cert-expiry <duration>',
        'lifetime of node certificates issued from now on (e.g. 90d)',
        certExpiry,
      ),
  ).action(
    async (
      o: ConnectionOptions & { taskHistoryLimit?: number; dispatcherHeartbeat?: number; certExpiry?: number },
    ) => {
      if (
        o.taskHistoryLimit === undefined &&
        o.dispatcherHeartbeat === undefined &&
        o.certExpiry === undefined
      )
        throw new Error(
          'nothing to update: give --task-history-limit, --dispatcher-heartbeat or --cert-expiry',
        );
      // Read, change and write again when the cluster object moved on meanwhile.
      await readModifyWrite(async () => {
        const cluster = (await control<GetClusterResponse__Output>(o, 'GetCluster', {})).cluster!;
        const spec: ClusterSpec = cluster.spec ?? {};
        await control<UpdateClusterResponse__Output>(o, 'UpdateCluster', {
          clusterId: cluster.id,
          clusterVersion: cluster.meta?.version,
          spec: {
            ...spec,
            ...(o.taskHistoryLimit !== undefined && {
              orchestration: { ...spec.orchestration, taskHistoryRetentionLimit: o.taskHistoryLimit },
            }),
            ...(o.dispatcherHeartbeat !== undefined && {
              dispatcher: { ...spec.dispatcher, heartbeatPeriodNs: o.dispatcherHeartbeat * 1e6 },
            }),
            ...(o.certExpiry !== undefined && {
              caConfig: { ...spec.caConfig, nodeCertExpiryNs: o.certExpiry * 1e6 },
            }),
          },
        });
      });
      print('Cluster updated.');
    },
  );

  return [init, join, joinToken, leave, info, update];
}
