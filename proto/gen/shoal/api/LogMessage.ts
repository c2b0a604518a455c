// Original file: proto/logs.proto

import type { LogContext as _shoal_api_LogContext, LogContext__Output as _shoal_api_LogContext__Output } from '../../shoal/api/LogContext';

// Original file: proto/logs.proto

export const _shoal_api_LogMessage_Stream = {
  STDOUT: 'STDOUT',
  STDERR: 'STDERR',
} as const;

export type _shoal_api_LogMessage_Stream =
  | 'STDOUT'
  | 0
  | 'STDERR'
  | 1

export type _shoal_api_LogMessage_Stream__Output = typeof _shoal_api_LogMessage_Stream[keyof typeof _shoal_api_LogMessage_Stream]

export interface LogMessage {
  'context'?: (_shoal_api_LogContext | null);
  'stream'?: (_shoal_api_LogMessage_Stream);
  'timestamp'?: (string);
  'line'?: (string);
}

export interface LogMessage__Output {
  'context': (_shoal_api_LogContext__Output | null);
  'stream': (_shoal_api_LogMessage_Stream__Output);
  'timestamp': (string);
  'line': (string);
}
