// Original file: proto/control.proto

import type { LogMessage as _shoal_api_LogMessage, LogMessage__Output as _shoal_api_LogMessage__Output } from '../../shoal/api/LogMessage';

export interface SubscribeLogsMessage {
  'messages'?: (_shoal_api_LogMessage)[];
  'warnings'?: (string)[];
}

export interface SubscribeLogsMessage__Output {
  'messages': (_shoal_api_LogMessage__Output)[];
  'warnings': (string)[];
}
