import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { AppError } from '../../../errors.ts';
import { signedInPrincipal } from '../../applications/applications.routes.ts';
import { recordAudit } from '../../audit/audit.ts';
import { requireRole } from '../../auth/access.ts';
import { ErrorResponse } from '../../auth/auth.schemas.ts';
import { openEngineHistory } from '../../monitor/engine-history.ts';
import { DraftConflictResponse, StudioKeyParams } from '../studio.schemas.ts';
import { cancelDryRun } from './cancel-dry-run.ts';
import { completeDryRunTask } from './complete-dry-run-task.ts';
import { dryRunView, findDryRun } from './dry-run-view.ts';
import { DryRunSchema } from './dry-run.entity.ts';
import {
  CompleteDryRunTaskBody,
  DryRunDetail,
  DryRunList,
  DryRunParams,
  DryRunRejectedResponse,
  DryRunStarted,
  DryRunTaskParams,
  StartDryRunBody,
  TestCitizens,
} from './dry-runs.schemas.ts';
import { startDryRun } from './start-dry-run.ts';
import { TEST_CITIZENS, listedCitizen } from './test-citizens.ts';

export interface DryRunRoutesOptions {
  /** The database holding the engine's history (the api's own). */
  databaseUrl: string;
  registriesUrl: string | undefined;
  /**
   * Whether the registries are the sandbox: a dry run registers real records
   * in them, so it is refused on any other registries.
   */
  sandbox: boolean;
}

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse };
const RECENT_RUNS = 20;

/** The Studio's dry runs (试运行) of a bundle draft against the sandbox registries. */
export const dryRunRoutes: FastifyPluginAsyncTypebox<DryRunRoutesOptions> = async (fastify, options) => {
  const access = requireRole('designer', 'admin');
  const history = openEngineHistory(options.databaseUrl);
  fastify.addHook('onClose', () => history.close());
  const sandboxUrl = options.sandbox ? options.registriesUrl : undefined;

  fastify.get(
    '/api/studio/test-citizens',
    {
      config: { access },
      schema: {
        tags: ['studio'],
        summary: 'The test citizens a dry run can apply as, and whether dry runs are available here',
        response: { 200: TestCitizens, ...errors },
      },
    },
    async () => ({ available: sandboxUrl !== undefined, citizens: TEST_CITIZENS.map(listedCitizen) }),
  );

  fastify.post(
    '/api/studio/bundles/:key/dry-runs',
    {
      config: { access },
      schema: {
        tags: ['studio'],
        summary: "Start a dry run of the bundle's draft for a test citizen",
        params: StudioKeyParams,
        body: StartDryRunBody,
        response: {
          201: DryRunStarted,
          ...errors,
          409: DraftConflictResponse,
          422: DryRunRejectedResponse,
          503: ErrorResponse,
        },
      },
    },
    async (request, reply) => {
      if (sandboxUrl === undefined) throw new AppError('DRY_RUN_NEEDS_SANDBOX');
      const principal = signedInPrincipal(request);
      const { key } = request.params;
      const run = await startDryRun(key, request.body, {
        em: request.em,
        zeebe: () => fastify.zeebe(),
        principal,
        registriesUrl: sandboxUrl,
        now: new Date(),
      });
      await recordAudit(request.em, {
        actorId: principal.id,
        actorName: principal.username,
        action: 'studio.dry-run.start',
        target: key,
        outcome: 'success',
        ip: request.ip,
        details: { dryRun: run.id, draftVersion: run.draftVersion, citizen: run.citizen },
      });
      return reply.status(201).send({
        id: run.id,
        processInstanceKey: run.processInstanceKey,
        processDefinitionKey: run.processDefinitionKey,
      });
    },
  );

  fastify.get(
    '/api/studio/bundles/:key/dry-runs',
    {
      config: { access },
      schema: {
        tags: ['studio'],
        summary: "The bundle's latest dry runs, newest first",
        params: StudioKeyParams,
        response: { 200: DryRunList, ...errors },
      },
    },
    async (request) => {
      const runs = await request.em.find(
        DryRunSchema,
        { bundleKey: request.params.key },
        { orderBy: { startedAt: 'desc', id: 'desc' }, limit: RECENT_RUNS, fields: SUMMARY_FIELDS },
      );
      return runs.map((run) => ({
        id: run.id,
        draftVersion: run.draftVersion,
        citizen: run.citizen,
        processInstanceKey: run.processInstanceKey,
        state: run.state,
        cancelReason: run.cancelReason ?? null,
        startedAt: run.startedAt.toISOString(),
        startedBy: run.startedBy,
      }));
    },
  );

  fastify.get(
    '/api/studio/dry-runs/:id',
    {
      config: { access },
      schema: {
        tags: ['studio'],
        summary: 'A dry run: element states for the diagram, variables, incidents, registry outcomes, tasks',
        params: DryRunParams,
        response: { 200: DryRunDetail, ...errors, 503: ErrorResponse },
      },
    },
    async (request) => dryRunView(request.em, history, await findDryRun(request.em, request.params.id)),
  );

  fastify.get(
    '/api/studio/dry-runs/:id/bpmn',
    {
      config: { access },
      schema: {
        tags: ['studio'],
        summary: 'The BPMN of the draft the dry run started with (XML body)',
        params: DryRunParams,
        response: { 200: Type.String(), ...errors },
      },
    },
    async (request, reply) => {
      const run = await findDryRun(request.em, request.params.id);
      return reply.type('application/xml; charset=utf-8').send(run.bpmn);
    },
  );

  fastify.post(
    '/api/studio/dry-runs/:id/tasks/:taskId/complete',
    {
      config: { access },
      schema: {
        tags: ['studio'],
        summary: "Complete a dry run's user task with the task form's values, or with defaults",
        params: DryRunTaskParams,
        body: CompleteDryRunTaskBody,
        response: { 200: DryRunDetail, ...errors, 409: ErrorResponse, 503: ErrorResponse },
      },
    },
    async (request) => {
      const run = await findDryRun(request.em, request.params.id);
      await completeDryRunTask(
        run,
        request.params.taskId,
        { variables: { ...request.body.variables }, defaults: request.body.defaults ?? false },
        {
          em: request.em,
          zeebe: () => fastify.zeebe(),
          cipher: fastify.personalData,
          principal: signedInPrincipal(request),
          now: new Date(),
        },
      );
      return dryRunView(request.em, history, run);
    },
  );

  fastify.delete(
    '/api/studio/dry-runs/:id',
    {
      config: { access },
      schema: {
        tags: ['studio'],
        summary: "Cancel the dry run's instance",
        params: DryRunParams,
        response: { 200: DryRunDetail, ...errors, 409: ErrorResponse, 503: ErrorResponse },
      },
    },
    async (request) => {
      const run = await findDryRun(request.em, request.params.id);
      await cancelDryRun(run, {
        em: request.em,
        zeebe: () => fastify.zeebe(),
        now: new Date(),
        reason: 'designer',
      });
      return dryRunView(request.em, history, await findDryRun(request.em.fork(), run.id));
    },
  );
};

const SUMMARY_FIELDS = [
  'id',
  'draftVersion',
  'citizen',
  'processInstanceKey',
  'state',
  'cancelReason',
  'startedAt',
  'startedBy',
] as const;
