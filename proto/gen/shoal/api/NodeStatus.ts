// Original file: proto/objects.proto


// Original file: proto/objects.proto

export const _shoal_api_NodeStatus_State = {
  UNKNOWN: 'UNKNOWN',
  DOWN: 'DOWN',
  READY: 'READY',
  DISCONNECTED: 'DISCONNECTED',
} as const;

export type _shoal_api_NodeStatus_State =
  | 'UNKNOWN'
  | 0
  | 'DOWN'
  | 1
  | 'READY'
  | 2
  | 'DISCONNECTED'
  | 3

export type _shoal_api_NodeStatus_State__Output = typeof _shoal_api_NodeStatus_State[keyof typeof _shoal_api_NodeStatus_State]

export interface NodeStatus {
  'state'?: (_shoal_api_NodeStatus_State);
  'message'?: (string);
  'addr'?: (string);
}

export interface NodeStatus__Output {
  'state': (_shoal_api_NodeStatus_State__Output);
  'message': (string);
  'addr': (string);
}
