// Updates read an object, change it and send it back with the version they read; the
// manager refuses it (ABORTED, "update out of sequence") when the object changed in
// between. Most such changes are not another user's edit but the cluster's own: a node's
// status moves when its agent registers, a service's update status during a rolling
// update. The command's change (add a label, set the replicas) is meant against the
// latest object, so it is read and applied again, a few times, before giving up.
import { GrpcStatus } from '../socket-call';

export const UPDATE_ATTEMPTS = 5;

export async function readModifyWrite<T>(attempt: () => Promise<T>): Promise<T> {
  for (let n = 1; ; n++) {
    try {
      return await attempt();
    } catch (err) {
      if ((err as { code?: number }).code !== GrpcStatus.ABORTED || n >= UPDATE_ATTEMPTS) throw err;
    }
  }
}
