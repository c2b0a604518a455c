// Original file: proto/control.proto


// Original file: proto/control.proto

export const _shoal_api_WatchEntry_Kind = {
  TASK: 'TASK',
  SERVICE: 'SERVICE',
} as const;

export type _shoal_api_WatchEntry_Kind =
  | 'TASK'
  | 0
  | 'SERVICE'
  | 1

export type _shoal_api_WatchEntry_Kind__Output = typeof _shoal_api_WatchEntry_Kind[keyof typeof _shoal_api_WatchEntry_Kind]

export interface WatchEntry {
  'kind'?: (_shoal_api_WatchEntry_Kind);
  'ids'?: (string)[];
  'serviceIds'?: (string)[];
}

export interface WatchEntry__Output {
  'kind': (_shoal_api_WatchEntry_Kind__Output);
  'ids': (string)[];
  'serviceIds': (string)[];
}
