import { ServerInterceptingCall, type ServerInterceptor } from '@grpc/grpc-js';

/**
 * Every answer advertises `grpc-accept-encoding: identity`. @camunda8/sdk
 * gzips each request (its channel default), which on a loopback or LAN link
 * only burns CPU on both ends; grpc-js clients (and the Java and Go ones)
 * stop compressing on a channel once the server says it accepts identity
 * only. A compressed request is still accepted — the first call on a channel
 * is sent before the client has seen the header — so no client breaks.
 */
export const advertiseIdentityEncoding: ServerInterceptor = (_method, call) =>
  new ServerInterceptingCall(call, {
    sendMetadata: (metadata, next) => {
      metadata.set('grpc-accept-encoding', 'identity');
      next(metadata);
    },
  });
