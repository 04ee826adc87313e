export {
  startGateway,
  DEFAULT_GATEWAY_ADDRESS,
  type GatewayOptions,
  type RunningGateway,
} from './gateway-server.ts';
export { GATEWAY_VERSION } from './topology.ts';
export { gatewayProtoPath, PROTO_LOADER_OPTIONS } from './gateway-proto.ts';
