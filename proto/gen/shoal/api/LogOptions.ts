// Original file: proto/logs.proto

import type { Long } from '@grpc/proto-loader';

export interface LogOptions {
  'follow'?: (boolean);
  'tail'?: (number | string | Long);
  'sinceUnixMs'?: (number | string | Long);
}

export interface LogOptions__Output {
  'follow': (boolean);
  'tail': (number);
  'sinceUnixMs': (number);
}
