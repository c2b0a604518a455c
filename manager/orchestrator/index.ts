// Public surface of the orchestrators: pure planners and the driver that applies them.
export * from './apply';
export * from './controller';
export * from './fill';
export * from './global';
export * from './jobs';
export * from './loop';
export * from './placement-check';
export * from './plan';
export * from './removed';
export * from './replicated';
export * from './restart';
export * from './service-plan';
export * from './task-factory';
export * from './task-state';
export * from './update';
