// Original file: proto/objects.proto

import type { Meta as _shoal_api_Meta, Meta__Output as _shoal_api_Meta__Output } from '../../shoal/api/Meta';
import type { ServiceSpec as _shoal_api_ServiceSpec, ServiceSpec__Output as _shoal_api_ServiceSpec__Output } from '../../shoal/api/ServiceSpec';
import type { Endpoint as _shoal_api_Endpoint, Endpoint__Output as _shoal_api_Endpoint__Output } from '../../shoal/api/Endpoint';
import type { UpdateStatus as _shoal_api_UpdateStatus, UpdateStatus__Output as _shoal_api_UpdateStatus__Output } from '../../shoal/api/UpdateStatus';
import type { Long } from '@grpc/proto-loader';

export interface Service {
  'id'?: (string);
  'meta'?: (_shoal_api_Meta | null);
  'spec'?: (_shoal_api_ServiceSpec | null);
  'previousSpec'?: (_shoal_api_ServiceSpec | null);
  'specVersion'?: (number | string | Long);
  'endpoint'?: (_shoal_api_Endpoint | null);
  'updateStatus'?: (_shoal_api_UpdateStatus | null);
  'pendingDelete'?: (boolean);
  'jobIteration'?: (number | string | Long);
}

export interface Service__Output {
  'id': (string);
  'meta': (_shoal_api_Meta__Output | null);
  'spec': (_shoal_api_ServiceSpec__Output | null);
  'previousSpec': (_shoal_api_ServiceSpec__Output | null);
  'specVersion': (number);
  'endpoint': (_shoal_api_Endpoint__Output | null);
  'updateStatus': (_shoal_api_UpdateStatus__Output | null);
  'pendingDelete': (boolean);
  'jobIteration': (number);
}
