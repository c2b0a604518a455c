// Original file: proto/objects.proto


export interface EngineDescription {
  'engineVersion'?: (string);
  'labels'?: ({[key: string]: string});
}

export interface EngineDescription__Output {
  'engineVersion': (string);
  'labels': ({[key: string]: string});
}
