// Control API: task reads (for `node ps` and `service ps`). Tasks are written by the
// orchestrators and the dispatcher, never directly by users.
import type { GetTaskRequest__Output } from '../../proto/gen/shoal/api/GetTaskRequest';
import type { ListTasksRequest__Output } from '../../proto/gen/shoal/api/ListTasksRequest';
import type { ControlMethods } from './server';
import { labelsMatch, resolveByRef } from './resolve';
import { taskWithoutAuth } from './registry-auth';

export const taskReadMethods: ControlMethods = {
  GetTask: async (req: GetTaskRequest__Output, ctx) => ({
    task: taskWithoutAuth(
      resolveByRef(ctx.local.list('tasks'), req.taskId, 'task', (t) => t.annotations?.name ?? ''),
    ),
  }),

  ListTasks: async (req: ListTasksRequest__Output, ctx) => {
    const f = req.filters;
    const common = f?.common;
    const source = f?.nodeIds.length
      ? f.nodeIds.flatMap((id) => ctx.local.tasksByNode(id))
      : f?.serviceIds.length
        ? f.serviceIds.flatMap((id) => ctx.local.tasksByService(id))
        : ctx.local.list('tasks');
    const tasks = source.filter((t) => {
      if (f?.serviceIds.length && !f.serviceIds.includes(t.serviceId)) return false;
      if (f?.nodeIds.length && !f.nodeIds.includes(t.nodeId)) return false;
      if (f?.desiredStates.length && !f.desiredStates.includes(t.desiredState)) return false;
      if (f?.slots.length && !f.slots.includes(t.slot)) return false;
      if (common?.names.length && !common.names.includes(t.annotations?.name ?? '')) return false;
      if (common?.idPrefixes.length && !common.idPrefixes.some((p) => t.id.startsWith(p))) return false;
      if (common && Object.keys(common.labels).length && !labelsMatch(t.annotations?.labels, common.labels))
        return false;
      return true;
    });
    return { tasks: tasks.map(taskWithoutAuth) };
  },
};
