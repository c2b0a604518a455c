// Original file: proto/objects.proto

import type { FileTarget as _shoal_api_FileTarget, FileTarget__Output as _shoal_api_FileTarget__Output } from '../../shoal/api/FileTarget';

export interface ConfigReference {
  'configId'?: (string);
  'configName'?: (string);
  'file'?: (_shoal_api_FileTarget | null);
}

export interface ConfigReference__Output {
  'configId': (string);
  'configName': (string);
  'file': (_shoal_api_FileTarget__Output | null);
}
