// Original file: proto/objects.proto


export interface GlobalService {
}

export interface GlobalService__Output {
}
