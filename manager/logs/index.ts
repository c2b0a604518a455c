// The log broker behind `shoal service logs` (see broker.ts for the design).
export { LogBroker } from './broker';
export type { AgentLogChannel, LogPublisher, LogSink } from './broker';
export { logContext, planNodes, selectedTasks, selects } from './selection';
