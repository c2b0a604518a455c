// Original file: proto/objects.proto

import type { FileTarget as _shoal_api_FileTarget, FileTarget__Output as _shoal_api_FileTarget__Output } from '../../shoal/api/FileTarget';

export interface SecretReference {
  'secretId'?: (string);
  'secretName'?: (string);
  'file'?: (_shoal_api_FileTarget | null);
}

export interface SecretReference__Output {
  'secretId': (string);
  'secretName': (string);
  'file': (_shoal_api_FileTarget__Output | null);
}
