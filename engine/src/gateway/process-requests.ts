import type { CreateProcessInstanceRequest, Key, Resource } from '../service.ts';
import { accept, invalid, tenantOf, variablesOf, type Parsed } from './request-rules.ts';
import { asMessage, bytes, int, key, messages, str, strings, type WireMessage } from './wire-fields.ts';

export interface DeployCommand {
  resources: Resource[];
  tenantId: string;
}

export function parseDeployResource(raw: unknown): Parsed<DeployCommand> {
  const message = asMessage(raw);
  const resources = messages(message, 'resources').map((item) => ({
    name: str(item, 'name'),
    content: bytes(item, 'content'),
  }));
  return deployCommand(resources, str(message, 'tenantId'), 'DeployResource');
}

/** The deprecated DeployProcess that zeebe-node's deployProcess() still calls. */
export function parseDeployProcess(raw: unknown): Parsed<DeployCommand> {
  const resources = messages(asMessage(raw), 'processes').map((item) => ({
    name: str(item, 'name'),
    content: bytes(item, 'definition'),
  }));
  return deployCommand(resources, '', 'DeployProcess');
}

function deployCommand(resources: Resource[], tenantId: string, rpc: string): Parsed<DeployCommand> {
  if (resources.length === 0) {
    return invalid('CREATE', 'Expected to deploy at least one resource, but none given');
  }
  const tenant = tenantOf(tenantId, rpc);
  return tenant.ok ? accept({ resources, tenantId: tenant.value }) : tenant;
}

export function parseCreateProcessInstance(raw: unknown): Parsed<CreateProcessInstanceRequest> {
  return createRequest(asMessage(raw), 'CreateProcessInstance');
}

export interface CreateWithResultCommand {
  request: CreateProcessInstanceRequest;
  /** ms; ≤ 0 means the gateway default. */
  requestTimeout: number;
  fetchVariables: string[];
}

export function parseCreateProcessInstanceWithResult(raw: unknown): Parsed<CreateWithResultCommand> {
  const message = asMessage(raw);
  const request = createRequest(asMessage(message['request']), 'CreateProcessInstanceWithResult');
  if (!request.ok) return request;
  return accept({
    request: request.value,
    requestTimeout: int(message, 'requestTimeout'),
    fetchVariables: strings(message, 'fetchVariables'),
  });
}

function createRequest(message: WireMessage, rpc: string): Parsed<CreateProcessInstanceRequest> {
  const tenant = tenantOf(str(message, 'tenantId'), rpc);
  if (!tenant.ok) return tenant;
  return accept({
    bpmnProcessId: str(message, 'bpmnProcessId'),
    version: int(message, 'version'),
    processDefinitionKey: key(message, 'processDefinitionKey'),
    variables: variablesOf(str(message, 'variables')),
    startInstructions: messages(message, 'startInstructions').map((item) => ({
      elementId: str(item, 'elementId'),
    })),
    tenantId: tenant.value,
  });
}

export function parseCancelProcessInstance(raw: unknown): Key {
  return key(asMessage(raw), 'processInstanceKey');
}
