// Original file: proto/objects.proto


export interface Annotations {
  'name'?: (string);
  'labels'?: ({[key: string]: string});
}

export interface Annotations__Output {
  'name': (string);
  'labels': ({[key: string]: string});
}
