export { checkOperations, describeReport } from './checker';
export type { CheckOptions, CheckReport, CheckResult, PartitionReport } from './checker';
export { HistoryRecorder } from './history';
export { kvModel } from './kv-model';
export type { KvInput, KvOperation, KvOutput } from './kv-model';
export type { Model, Operation } from './model';
