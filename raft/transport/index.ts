export { GrpcTransport, channelOptions, clientCredentials } from './grpc-transport';
export type { TlsFiles, TransportHandler, TransportOptions } from './grpc-transport';
export { ProposeClient } from './client';
export { toWire, fromWire } from './codec';
