import type { Zeebe } from '@camunda8/sdk';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { AppError } from '../../errors.ts';
import { recordAudit } from '../audit/audit.ts';
import { requireRole, type Principal } from '../auth/access.ts';
import type { EngineHistory } from './engine-history.ts';
import { DRY_RUN_SUFFIX } from '../studio/dry-run/dry-run-process.ts';
import { maskVariables } from './mask-variables.ts';
import {
  ErrorResponse,
  Incident,
  IncidentsQuery,
  InstanceDetail,
  InstancesPage,
  InstancesQuery,
  KeyParams,
  ResolveResponse,
} from './monitor.schemas.ts';

export interface MonitorRoutesOptions {
  history: EngineHistory;
  /** The engine's Zeebe client; without one, resolving answers 503. */
  zeebe: Zeebe.ZeebeGrpcClient | undefined;
}

const access = requireRole('supervisor', 'admin');
const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 503: ErrorResponse };

/** The Monitor's engine history: instances, one instance's path and variables, incidents and their resolution. */
export const monitorRoutes: FastifyPluginAsyncTypebox<MonitorRoutesOptions> = async (
  fastify,
  { history, zeebe },
) => {
  fastify.get(
    '/api/monitor/instances',
    {
      config: { access },
      schema: {
        tags: ['monitor'],
        summary: 'Process instances, newest first, by process and state',
        querystring: InstancesQuery,
        response: { 200: InstancesPage, ...errors },
      },
    },
    async (request) => {
      const { bpmnProcessId, state, limit, cursor } = request.query;
      const offset = cursor === undefined ? 0 : Number(cursor);
      // One row more than asked tells whether there is a next page.
      const rows = await history.read((reader) =>
        reader.listProcessInstances({
          bpmnProcessId,
          state,
          limit: limit + 1,
          offset,
          excludeBpmnProcessIdSuffix: DRY_RUN_SUFFIX,
        }),
      );
      return {
        items: rows.slice(0, limit),
        nextCursor: rows.length > limit ? String(offset + limit) : null,
      };
    },
  );

  fastify.get(
    '/api/monitor/instances/:key',
    {
      config: { access },
      schema: {
        tags: ['monitor'],
        summary:
          'One instance: element history (for diagram overlays), variables (ID numbers masked), incidents',
        params: KeyParams,
        response: { 200: InstanceDetail, 404: ErrorResponse, ...errors },
      },
    },
    async (request) => {
      const principal = signedInPrincipal(request.principal);
      const { key } = request.params;
      const [instance, incidents] = await history.read((reader) =>
        Promise.all([reader.getProcessInstance(key), reader.listIncidents({ processInstanceKey: key })]),
      );
      if (instance === undefined)
        throw new AppError('NOT_FOUND', { message: 'No process instance with this key.' });
      // Variables hold the application's personal data: every look is audited.
      await recordAudit(request.em, {
        actorId: principal.id,
        actorName: principal.username,
        action: 'monitor.instance.read',
        target: key,
        outcome: 'success',
        ip: request.ip,
        details: { bpmnProcessId: instance.bpmnProcessId },
      });
      const variables: Record<string, Record<string, unknown>> = {};
      for (const [scope, values] of Object.entries(instance.variables)) {
        variables[scope] = Object.fromEntries(
          Object.entries(values).map(([name, value]) => [name, maskVariables(value)]),
        );
      }
      return { ...instance, variables, incidents };
    },
  );

  fastify.get(
    '/api/monitor/incidents',
    {
      config: { access },
      schema: {
        tags: ['monitor'],
        summary: 'Incidents, by state and instance',
        querystring: IncidentsQuery,
        response: { 200: Type.Array(Incident), ...errors },
      },
    },
    async (request) =>
      history.read((reader) =>
        reader.listIncidents({
          state: request.query.state,
          processInstanceKey: request.query.processInstanceKey,
          excludeBpmnProcessIdSuffix: DRY_RUN_SUFFIX,
        }),
      ),
  );

  fastify.post(
    '/api/monitor/incidents/:key/resolve',
    {
      config: { access },
      schema: {
        tags: ['monitor'],
        summary:
          "Resolve an incident (a failed job with no retries left gets one retry first, as Operate's retry does)",
        params: KeyParams,
        response: { 200: ResolveResponse, 404: ErrorResponse, ...errors },
      },
    },
    async (request) => {
      const principal = signedInPrincipal(request.principal);
      const { key } = request.params;
      const active = await history.read((reader) => reader.listIncidents({ state: 'ACTIVE' }));
      const incident = active.find((candidate) => candidate.key === key);
      if (incident === undefined)
        throw new AppError('NOT_FOUND', { message: 'No active incident with this key.' });
      if (zeebe === undefined)
        throw new AppError('SERVICE_UNAVAILABLE', { message: 'The process engine is not connected.' });
      const retriedJob = incident.errorType === 'JOB_NO_RETRIES' && incident.jobKey !== null;
      const audit = (outcome: 'success' | 'failure', reason?: string) =>
        recordAudit(request.em, {
          actorId: principal.id,
          actorName: principal.username,
          action: 'monitor.incident.resolve',
          target: key,
          outcome,
          ip: request.ip,
          details: {
            processInstanceKey: incident.processInstanceKey,
            elementId: incident.elementId,
            errorType: incident.errorType,
            retriedJob,
            ...(reason === undefined ? {} : { reason }),
          },
        });
      try {
        if (retriedJob && incident.jobKey !== null)
          await zeebe.updateJobRetries({ jobKey: incident.jobKey, retries: 1 });
        await zeebe.resolveIncident({ incidentKey: key });
      } catch (error) {
        await audit('failure', grpcReason(error));
        if (grpcCode(error) === GRPC_NOT_FOUND)
          throw new AppError('NOT_FOUND', { message: 'The engine no longer has this incident.' });
        request.log.warn({ err: error, incidentKey: key }, 'the engine did not resolve the incident');
        throw new AppError('SERVICE_UNAVAILABLE', {
          message: 'The engine did not resolve the incident; try again.',
        });
      }
      await audit('success');
      return { key, resolved: true as const, retriedJob };
    },
  );
};

const GRPC_NOT_FOUND = 5;

function grpcCode(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  return typeof error.code === 'number' ? error.code : undefined;
}

function grpcReason(error: unknown): string {
  return error instanceof Error ? error.message.slice(0, 300) : 'unknown error';
}

function signedInPrincipal(principal: Principal | undefined): Principal {
  // The route's access already required a session; a missing one is a bug.
  if (principal === undefined) throw new Error('monitor route reached without a principal');
  return principal;
}
