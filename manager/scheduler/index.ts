// Public surface of the scheduler.
export * from './controller';
export * from './filters';
export * from './node-info';
export * from './pipeline';
export * from './scheduler';
export * from './spread';
