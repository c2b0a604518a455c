// Control API: the cluster object (join tokens, CA settings, dispatcher period). The
// sealed CA key never leaves the store through here.
import * as grpc from '@grpc/grpc-js';
import type { GetClusterRequest__Output } from '../../proto/gen/shoal/api/GetClusterRequest';
import type { UpdateClusterRequest__Output } from '../../proto/gen/shoal/api/UpdateClusterRequest';
import type { Cluster } from '../api-types';
import { rotateJoinToken, statusError } from '../ca';
import type { ManagerContext } from '../context';
import type { ControlMethods } from './server';

export function redact(cluster: Cluster): Cluster {
  return { ...cluster, rootCa: cluster.rootCa ? { ...cluster.rootCa, sealedCaKey: '' } : null };
}

export function currentCluster(ctx: ManagerContext): Cluster {
  const c = ctx.local.get('clusters', ctx.clusterId);
  if (!c) throw statusError(grpc.status.UNAVAILABLE, 'the cluster object is not replicated here yet; retry');
  return c;
}

export const clusterMethods: ControlMethods = {
  GetCluster: async (req: GetClusterRequest__Output, ctx) => {
    if (req.clusterId && req.clusterId !== ctx.clusterId)
      throw statusError(grpc.status.NOT_FOUND, `cluster ${req.clusterId} not found`);
    return { cluster: redact(currentCluster(ctx)) };
  },

  ListClusters: async (_req: object, ctx) => ({ clusters: ctx.local.list('clusters').map(redact) }),

  UpdateCluster: async (req: UpdateClusterRequest__Output, ctx) => {
    if (req.clusterId && req.clusterId !== ctx.clusterId)
      throw statusError(grpc.status.NOT_FOUND, `cluster ${req.clusterId} not found`);
    const updated = await ctx.store.update((tx) => {
      const cluster = tx.clusters.get(ctx.clusterId);
      if (!cluster) throw statusError(grpc.status.NOT_FOUND, `cluster ${ctx.clusterId} not found`);
      if (req.clusterVersion && cluster.meta && cluster.meta.version !== req.clusterVersion)
        throw statusError(
          grpc.status.ABORTED,
          `update out of sequence: cluster is at version ${cluster.meta.version}, the change was made against version ${req.clusterVersion}; read it again and retry`,
        );
      if (req.spec) {
        const period = req.spec.dispatcher?.heartbeatPeriodNs ?? 0;
        if (period !== 0 && period < 100_000_000)
          throw statusError(
            grpc.status.INVALID_ARGUMENT,
            'spec.dispatcher.heartbeat_period: must be at least 100ms',
          );
        cluster.spec = req.spec;
      }
      const rootCa = cluster.rootCa!;
      let tokens = { worker: rootCa.joinTokens!.worker, manager: rootCa.joinTokens!.manager };
      if (req.rotation?.workerJoinToken) tokens = rotateJoinToken(tokens, 'worker', rootCa.caDigest);
      if (req.rotation?.managerJoinToken) tokens = rotateJoinToken(tokens, 'manager', rootCa.caDigest);
      rootCa.joinTokens = tokens;
      return tx.clusters.update(cluster);
    });
    return { cluster: redact(ctx.local.get('clusters', updated.id) ?? updated) };
  },
};
