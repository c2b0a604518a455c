// Original file: proto/objects.proto


// Original file: proto/objects.proto

export const _shoal_api_PortConfig_Protocol = {
  TCP: 'TCP',
  UDP: 'UDP',
  SCTP: 'SCTP',
} as const;

export type _shoal_api_PortConfig_Protocol =
  | 'TCP'
  | 0
  | 'UDP'
  | 1
  | 'SCTP'
  | 2

export type _shoal_api_PortConfig_Protocol__Output = typeof _shoal_api_PortConfig_Protocol[keyof typeof _shoal_api_PortConfig_Protocol]

// Original file: proto/objects.proto

export const _shoal_api_PortConfig_PublishMode = {
  INGRESS: 'INGRESS',
  HOST: 'HOST',
} as const;

export type _shoal_api_PortConfig_PublishMode =
  | 'INGRESS'
  | 0
  | 'HOST'
  | 1

export type _shoal_api_PortConfig_PublishMode__Output = typeof _shoal_api_PortConfig_PublishMode[keyof typeof _shoal_api_PortConfig_PublishMode]

export interface PortConfig {
  'name'?: (string);
  'protocol'?: (_shoal_api_PortConfig_Protocol);
  'targetPort'?: (number);
  'publishedPort'?: (number);
  'publishMode'?: (_shoal_api_PortConfig_PublishMode);
}

export interface PortConfig__Output {
  'name': (string);
  'protocol': (_shoal_api_PortConfig_Protocol__Output);
  'targetPort': (number);
  'publishedPort': (number);
  'publishMode': (_shoal_api_PortConfig_PublishMode__Output);
}
