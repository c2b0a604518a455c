// The worker agent's Docker executor; the session uses only what is exported here.
export { Executor } from './executor';
export type { ExecutorOptions, ReconcileResult } from './executor';
export type { StatusListener } from './controller';
export { TaskController } from './controller';
export type { NodeInfo } from './container-config';
export { containerCreateOptions, TaskSpecError } from './container-config';
export { ImagePullError } from './adapter';
export type { PullProgress, RegistryAuth } from './adapter';
export { LABEL, taskName, identityOf } from './labels';
export { TemplateError } from './template';
export { describeNode, goArch } from './node-description';
