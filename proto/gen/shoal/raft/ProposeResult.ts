// Original file: proto/raft.proto

import type { Long } from '@grpc/proto-loader';

export interface ProposeResult {
  'id'?: (number | string | Long);
  'index'?: (number | string | Long);
  'result'?: (Buffer | Uint8Array | string);
  'error'?: (string);
  'leader'?: (number | string | Long);
}

export interface ProposeResult__Output {
  'id': (number);
  'index': (number);
  'result': (Buffer);
  'error': (string);
  'leader': (number);
}
