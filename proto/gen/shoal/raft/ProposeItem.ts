// Original file: proto/raft.proto

import type { Long } from '@grpc/proto-loader';

export interface ProposeItem {
  'id'?: (number | string | Long);
  'data'?: (Buffer | Uint8Array | string);
}

export interface ProposeItem__Output {
  'id': (number);
  'data': (Buffer);
}
