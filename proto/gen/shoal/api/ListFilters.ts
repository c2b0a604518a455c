// Original file: proto/control.proto


export interface ListFilters {
  'names'?: (string)[];
  'namePrefixes'?: (string)[];
  'idPrefixes'?: (string)[];
  'labels'?: ({[key: string]: string});
}

export interface ListFilters__Output {
  'names': (string)[];
  'namePrefixes': (string)[];
  'idPrefixes': (string)[];
  'labels': ({[key: string]: string});
}
