import type { BroadcastSignalRequest, Key, PublishMessageRequest, SetVariablesRequest } from '../service.ts';
import { accept, tenantOf, variablesOf, type Parsed } from './request-rules.ts';
import { asMessage, bool, int, key, str } from './wire-fields.ts';

export function parsePublishMessage(raw: unknown): Parsed<PublishMessageRequest> {
  const message = asMessage(raw);
  const tenant = tenantOf(str(message, 'tenantId'), 'PublishMessage');
  if (!tenant.ok) return tenant;
  return accept({
    name: str(message, 'name'),
    correlationKey: str(message, 'correlationKey'),
    timeToLive: int(message, 'timeToLive'),
    messageId: str(message, 'messageId'),
    variables: variablesOf(str(message, 'variables')),
    tenantId: tenant.value,
  });
}

export function parseBroadcastSignal(raw: unknown): Parsed<BroadcastSignalRequest> {
  const message = asMessage(raw);
  const tenant = tenantOf(str(message, 'tenantId'), 'BroadcastSignal');
  if (!tenant.ok) return tenant;
  return accept({
    signalName: str(message, 'signalName'),
    variables: variablesOf(str(message, 'variables')),
    tenantId: tenant.value,
  });
}

export function parseSetVariables(raw: unknown): SetVariablesRequest {
  const message = asMessage(raw);
  return {
    elementInstanceKey: key(message, 'elementInstanceKey'),
    variables: variablesOf(str(message, 'variables')),
    local: bool(message, 'local'),
  };
}

export function parseResolveIncident(raw: unknown): Key {
  return key(asMessage(raw), 'incidentKey');
}
