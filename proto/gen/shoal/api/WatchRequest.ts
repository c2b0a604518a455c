// Original file: proto/control.proto

import type { WatchEntry as _shoal_api_WatchEntry, WatchEntry__Output as _shoal_api_WatchEntry__Output } from '../../shoal/api/WatchEntry';

export interface WatchRequest {
  'entries'?: (_shoal_api_WatchEntry)[];
}

export interface WatchRequest__Output {
  'entries': (_shoal_api_WatchEntry__Output)[];
}
