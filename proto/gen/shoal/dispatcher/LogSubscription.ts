// Original file: proto/dispatcher.proto

import type { LogSelector as _shoal_api_LogSelector, LogSelector__Output as _shoal_api_LogSelector__Output } from '../../shoal/api/LogSelector';
import type { LogOptions as _shoal_api_LogOptions, LogOptions__Output as _shoal_api_LogOptions__Output } from '../../shoal/api/LogOptions';

export interface LogSubscription {
  'id'?: (string);
  'selector'?: (_shoal_api_LogSelector | null);
  'options'?: (_shoal_api_LogOptions | null);
  'close'?: (boolean);
}

export interface LogSubscription__Output {
  'id': (string);
  'selector': (_shoal_api_LogSelector__Output | null);
  'options': (_shoal_api_LogOptions__Output | null);
  'close': (boolean);
}
