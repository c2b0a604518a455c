// Original file: proto/control.proto

import type { LogSelector as _shoal_api_LogSelector, LogSelector__Output as _shoal_api_LogSelector__Output } from '../../shoal/api/LogSelector';
import type { LogOptions as _shoal_api_LogOptions, LogOptions__Output as _shoal_api_LogOptions__Output } from '../../shoal/api/LogOptions';

export interface SubscribeLogsRequest {
  'selector'?: (_shoal_api_LogSelector | null);
  'options'?: (_shoal_api_LogOptions | null);
}

export interface SubscribeLogsRequest__Output {
  'selector': (_shoal_api_LogSelector__Output | null);
  'options': (_shoal_api_LogOptions__Output | null);
}
