// Original file: proto/objects.proto

import type { Annotations as _shoal_api_Annotations, Annotations__Output as _shoal_api_Annotations__Output } from '../../shoal/api/Annotations';

// Original file: proto/objects.proto

export const _shoal_api_NodeSpec_Availability = {
  ACTIVE: 'ACTIVE',
  PAUSE: 'PAUSE',
  DRAIN: 'DRAIN',
} as const;

export type _shoal_api_NodeSpec_Availability =
  | 'ACTIVE'
  | 0
  | 'PAUSE'
  | 1
  | 'DRAIN'
  | 2

export type _shoal_api_NodeSpec_Availability__Output = typeof _shoal_api_NodeSpec_Availability[keyof typeof _shoal_api_NodeSpec_Availability]

// Original file: proto/objects.proto

export const _shoal_api_NodeSpec_Membership = {
  PENDING: 'PENDING',
  ACCEPTED: 'ACCEPTED',
} as const;

export type _shoal_api_NodeSpec_Membership =
  | 'PENDING'
  | 0
  | 'ACCEPTED'
  | 1

export type _shoal_api_NodeSpec_Membership__Output = typeof _shoal_api_NodeSpec_Membership[keyof typeof _shoal_api_NodeSpec_Membership]

export interface NodeSpec {
  'annotations'?: (_shoal_api_Annotations | null);
  'desiredRole'?: (string);
  'membership'?: (_shoal_api_NodeSpec_Membership);
  'availability'?: (_shoal_api_NodeSpec_Availability);
}

export interface NodeSpec__Output {
  'annotations': (_shoal_api_Annotations__Output | null);
  'desiredRole': (string);
  'membership': (_shoal_api_NodeSpec_Membership__Output);
  'availability': (_shoal_api_NodeSpec_Availability__Output);
}
