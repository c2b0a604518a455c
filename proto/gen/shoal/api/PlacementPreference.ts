// Original file: proto/objects.proto


export interface PlacementPreference {
  'spread'?: (string);
}

export interface PlacementPreference__Output {
  'spread': (string);
}
