// Original file: proto/dispatcher.proto

import type { LogMessage as _shoal_api_LogMessage, LogMessage__Output as _shoal_api_LogMessage__Output } from '../../shoal/api/LogMessage';

export interface PublishLogsMessage {
  'sessionId'?: (string);
  'subscriptionId'?: (string);
  'messages'?: (_shoal_api_LogMessage)[];
  'warnings'?: (string)[];
}

export interface PublishLogsMessage__Output {
  'sessionId': (string);
  'subscriptionId': (string);
  'messages': (_shoal_api_LogMessage__Output)[];
  'warnings': (string)[];
}
