// Original file: proto/raft.proto

import type { Long } from '@grpc/proto-loader';

export interface ProposeResponse {
  'index'?: (number | string | Long);
  'result'?: (Buffer | Uint8Array | string);
}

export interface ProposeResponse__Output {
  'index': (number);
  'result': (Buffer);
}
