import { serviceStatus } from '../../../manager/control-api/services';
import type { Service, Task } from '../../../manager/api-types';

const service = (spec: object): Service => ({ id: 's1', spec }) as unknown as Service;
const task = (desiredState: string, state: string, slot = 1): Task =>
  ({ id: `t${slot}${state}`, serviceId: 's1', slot, desiredState, status: { state } }) as unknown as Task;

describe('serviceStatus (ListServices status, docker service ls REPLICAS)', () => {
  it('counts a replicated service against its replicas, running tasks only', () => {
    const s = service({ mode: 'replicated', replicated: { replicas: 3 } });
    const tasks = [
      task('RUNNING', 'RUNNING', 1),
      task('RUNNING', 'STARTING', 2),
      task('SHUTDOWN', 'RUNNING', 3), // being replaced: not counted
      task('RUNNING', 'RUNNING', 3),
    ];
    expect(serviceStatus(s, tasks)).toEqual({ runningTasks: 2, desiredTasks: 3 });
  });

  it('a scaled-down service wants its new count even while old tasks still run', () => {
    const s = service({ mode: 'replicated', replicated: { replicas: 1 } });
    const tasks = [task('RUNNING', 'RUNNING', 1), task('REMOVE', 'RUNNING', 2)];
    expect(serviceStatus(s, tasks)).toEqual({ runningTasks: 1, desiredTasks: 1 });
  });

  it('a global service wants the tasks that should run (one per eligible node)', () => {
    const s = service({ mode: 'global', global: {} });
    const tasks = [
      task('RUNNING', 'RUNNING', 0),
      task('RUNNING', 'PENDING', 0),
      task('SHUTDOWN', 'FAILED', 0),
    ];
    expect(serviceStatus(s, tasks)).toEqual({ runningTasks: 1, desiredTasks: 2 });
  });

  it('has nothing to count before the orchestrator made tasks', () => {
    expect(serviceStatus(service({ mode: 'replicated', replicated: { replicas: 30 } }), [])).toEqual({
      runningTasks: 0,
      desiredTasks: 30,
    });
  });
});
