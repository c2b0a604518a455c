// Task log streaming for `shoal service logs`.
export { taskLogs, TaskLogsError } from './task-logs';
export type { TaskLogLine, TaskLogOptions } from './task-logs';
export { FrameDemuxer, LineSplitter } from './demux';
export type { LogStream, RawLine } from './demux';
export { LineBatcher, publishSubscription, selectsContainer } from './publish';
export type { LogSubscriptionRequest, PublishBatch, PublishSink } from './publish';
