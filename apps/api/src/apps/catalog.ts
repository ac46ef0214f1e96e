// The app catalog as GET /api/v1/apps shows it: connectors and built-in trigger apps, the apps the engine computes (the formatter), and the step types.
import { CodeStep, DelayStep, FilterStep, LoopStep, PathsStep } from '@switchyard/contracts';
import { describeApp, type AppManifest } from '@switchyard/connectors';
import { engineApps } from '@switchyard/engine';
import type { AppCatalog } from '@switchyard/runner';
import { z } from 'zod';

export type CatalogEntry = AppManifest & {
  /** For the built-ins that are step types rather than actions (code, filter, paths, delay, loop): the step's type. */
  stepType?: string;
  /** JSON Schema of the step's own fields, for step types. */
  stepSchema?: Record<string, unknown>;
};

const toSchema = (schema: z.ZodType) => z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any', cycles: 'ref' }) as Record<string, unknown>;

const stepTypes: Array<{ key: string; name: string; description: string; schema: z.ZodType }> = [
  {
    key: 'code',
    name: 'Code',
    description:
      'Run JavaScript on data from earlier steps: `input` holds the step’s input data; return a JSON value. `await fetch(...)` works for public URLs.',
    schema: CodeStep,
  },
  { key: 'filter', name: 'Filter', description: 'Continue only when the conditions pass; otherwise the run stops as filtered.', schema: FilterStep },
  { key: 'paths', name: 'Paths', description: 'Run the first branch whose conditions pass (an empty condition list always passes).', schema: PathsStep },
  { key: 'delay', name: 'Delay', description: 'Wait for a duration or until a time, then continue.', schema: DelayStep },
  { key: 'loop', name: 'Looping', description: 'Run the nested steps once for each item of a list.', schema: LoopStep },
];

export function buildCatalog(catalog: AppCatalog): CatalogEntry[] {
  const connectorsAndBuiltIns: CatalogEntry[] = [...catalog.apps.values()].map((app) => describeApp(app));
  const computedByEngine: CatalogEntry[] = engineApps.map((app) => ({
    key: app.key,
    name: app.name,
    description: app.description,
    auth: null,
    triggers: [],
    actions: app.actions.map((action) => ({
      key: action.key,
      name: action.name,
      description: action.description,
      inputSchema: toSchema(action.inputSchema),
      sample: action.sample,
      outputFields: [...action.outputFields],
      verified: true,
      unverifiedReason: null,
    })),
  }));
  const steps: CatalogEntry[] = stepTypes.map((step) => ({
    key: step.key,
    name: step.name,
    description: step.description,
    auth: null,
    triggers: [],
    actions: [],
    stepType: step.key,
    stepSchema: toSchema(step.schema),
  }));
  return [...connectorsAndBuiltIns, ...computedByEngine, ...steps];
}
