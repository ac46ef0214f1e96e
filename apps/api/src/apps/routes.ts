// Routes: the app catalog, and dynamic choices for input fields (pipelines, stages, queues...) from a connection.
import { id } from '@switchyard/contracts';
import { findAction, findTrigger, StepFailure } from '@switchyard/connectors';
import { openConnection } from '@switchyard/runner';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../http/deps.ts';
import { AppError, invalid, notFound } from '../http/errors.ts';
import { replies } from '../http/schemas.ts';
import { buildCatalog } from './catalog.ts';

const outputField = z.object({ key: z.string(), label: z.string(), type: z.string() });

/** What every trigger and action shows: its form, a sample, its labelled output, and whether its shape rests on a guess. */
const operation = {
  key: z.string(),
  name: z.string(),
  description: z.string(),
  inputSchema: z.record(z.string(), z.unknown()),
  sample: z.unknown(),
  outputFields: z.array(outputField),
  verified: z.boolean(),
  unverifiedReason: z.string().nullable(),
};

const appEntry = z.object({
  key: z.string(),
  name: z.string(),
  description: z.string(),
  auth: z
    .object({
      fields: z.array(
        z.object({ key: z.string(), label: z.string(), type: z.string(), required: z.boolean(), secret: z.boolean(), help: z.string().nullable() }),
      ),
    })
    .nullable(),
  triggers: z.array(z.object({ ...operation, kind: z.string() })),
  actions: z.array(z.object(operation)),
  stepType: z.string().optional(),
  stepSchema: z.record(z.string(), z.unknown()).optional(),
});

export const appRoutes: FastifyPluginAsyncZod<Deps> = async (app, deps) => {
  // The catalog is fixed for the life of the process: build it once.
  const catalog = buildCatalog(deps.runtime.catalog);
  const byKey = new Map(catalog.map((entry) => [entry.key, entry]));

  app.get(
    '/api/v1/apps',
    {
      schema: {
        tags: ['apps'],
        summary: 'Every app: auth fields, triggers and actions with their input schemas and samples',
        response: replies({ 200: z.array(appEntry) }),
      },
    },
    async () => catalog,
  );

  app.get(
    '/api/v1/apps/:app',
    {
      schema: { tags: ['apps'], summary: 'One app', params: z.object({ app: z.string().max(100) }), response: replies({ 200: appEntry }) },
    },
    async (request) => {
      const entry = byKey.get(request.params.app);
      if (!entry) throw notFound('App');
      return entry;
    },
  );

  app.post(
    '/api/v1/workspaces/:ws/apps/:app/options',
    {
      schema: {
        tags: ['apps'],
        summary: 'Choices for a field whose values come from the service (pipelines, stages, queues...)',
        params: z.object({ ws: id, app: z.string().max(100) }),
        body: z.object({
          connectionId: id.optional(),
          operation: z.object({ type: z.enum(['action', 'trigger']), key: z.string().max(100) }),
          field: z.string().max(100),
          input: z.record(z.string(), z.unknown()).default({}),
        }),
        response: replies({ 200: z.object({ options: z.array(z.object({ value: z.union([z.string(), z.number()]), label: z.string() })) }) }),
      },
      // Reading choices is reading: viewers may see them too.
      config: { minRole: 'viewer' },
    },
    async (request) => {
      const definition = deps.runtime.catalog.apps.get(request.params.app);
      if (!definition) throw notFound('App');
      const { type, key } = request.body.operation;
      const operation = type === 'action' ? findAction(definition, key) : findTrigger(definition, key);
      if (!operation) throw notFound(type === 'action' ? 'Action' : 'Trigger');
      const loader = operation.options?.[request.body.field];
      if (!loader)
        throw invalid('no_options', `The field ${request.body.field} has no choices to load.`, [{ path: 'body.field', message: 'has no dynamic choices' }]);
      const auth = definition.auth
        ? await openConnection(deps.db, deps.vault, request.access.workspaceId, request.body.connectionId, definition.key).catch((error: Error) => {
            throw invalid('bad_connection', error.message, [{ path: 'body.connectionId', message: error.message }]);
          })
        : undefined;
      try {
        const options = await loader({
          auth,
          http: deps.runtime.http.forStep({ secrets: [], signal: AbortSignal.timeout(20_000) }),
          input: request.body.input,
        });
        return { options };
      } catch (error) {
        if (error instanceof StepFailure) throw new AppError(502, 'service_error', `${definition.name} could not list the choices: ${error.message}`);
        throw error;
      }
    },
  );
};
