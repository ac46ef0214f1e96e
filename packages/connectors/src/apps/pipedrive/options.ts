// Dynamic choices for Pipedrive fields: pipelines, stages (of the chosen pipeline) and users (owners).
import { z } from 'zod';
import type { OptionsLoader } from '../../kit/define.ts';
import { listRecords, pipedriveData } from './client.ts';

const named = z.looseObject({ id: z.number(), name: z.string().catch('') });
const stage = named.extend({ pipeline_id: z.number().nullish() });
const user = named.extend({ email: z.string().nullish(), active_flag: z.boolean().nullish() });

/** The ids a field may hold as typed into a form: a number or its digits. */
export function idOf(value: unknown): number | undefined {
  const id = typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : value;
  return typeof id === 'number' && Number.isInteger(id) && id > 0 ? id : undefined;
}

export const pipelineChoices: OptionsLoader = async (context) => {
  const { records } = await listRecords(context, '/api/v2/pipelines', {});
  return z
    .array(named)
    .parse(records)
    .map((pipeline) => ({ value: pipeline.id, label: pipeline.name || `Pipeline ${pipeline.id}` }));
};

/** Stages of the pipeline already picked in the form; all stages, labelled with their pipeline, when none is. */
export const stageChoices: OptionsLoader = async (context) => {
  const pipelineId = idOf(context.input.pipeline_id);
  const { records } = await listRecords(context, '/api/v2/stages', pipelineId ? { pipeline_id: pipelineId } : {});
  const stages = z.array(stage).parse(records);
  if (pipelineId) return stages.map((item) => ({ value: item.id, label: item.name || `Stage ${item.id}` }));
  const pipelines = new Map((await pipelineChoices(context)).map((p) => [p.value, p.label]));
  return stages.map((item) => ({ value: item.id, label: `${pipelines.get(item.pipeline_id ?? -1) ?? 'Pipeline'} → ${item.name || `Stage ${item.id}`}` }));
};

/** Active users of the company, as owners. */
export const userChoices: OptionsLoader = async (context) => {
  const users = z.array(user).parse((await pipedriveData(context, { path: '/v1/users' })) ?? []);
  return users.filter((item) => item.active_flag !== false).map((item) => ({ value: item.id, label: item.email ? `${item.name} (${item.email})` : item.name }));
};
