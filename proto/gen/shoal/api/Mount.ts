// Original file: proto/objects.proto


// Original file: proto/objects.proto

export const _shoal_api_Mount_Type = {
  BIND: 'BIND',
  VOLUME: 'VOLUME',
  TMPFS: 'TMPFS',
} as const;

export type _shoal_api_Mount_Type =
  | 'BIND'
  | 0
  | 'VOLUME'
  | 1
  | 'TMPFS'
  | 2

export type _shoal_api_Mount_Type__Output = typeof _shoal_api_Mount_Type[keyof typeof _shoal_api_Mount_Type]

export interface Mount {
  'type'?: (_shoal_api_Mount_Type);
  'source'?: (string);
  'target'?: (string);
  'readOnly'?: (boolean);
  'options'?: ({[key: string]: string});
}

export interface Mount__Output {
  'type': (_shoal_api_Mount_Type__Output);
  'source': (string);
  'target': (string);
  'readOnly': (boolean);
  'options': ({[key: string]: string});
}
