// Original file: proto/raft.proto


export interface ProposeRequest {
  'data'?: (Buffer | Uint8Array | string);
}

export interface ProposeRequest__Output {
  'data': (Buffer);
}
