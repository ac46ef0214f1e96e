// The filters a trigger may narrow its records with: the owner, and for deals the pipeline.
import { z } from 'zod';
import type { OptionsLoader } from '../../kit/define.ts';
import { optionalId } from '../../kit/fields.ts';
import { pipelineChoices, userChoices } from './options.ts';
import { ownerField } from './record-fields.ts';
import type { RecordKind } from './records.ts';

export type TriggerFilters = { owner_id?: number | undefined; pipeline_id?: number | undefined };

export function triggerFilters(kind: RecordKind): z.ZodType<TriggerFilters> {
  const owner = { owner_id: ownerField() };
  return kind === 'deal'
    ? z.object({ ...owner, pipeline_id: optionalId({ title: 'Pipeline', description: 'Only deals in this pipeline.', dynamicOptions: true }) })
    : z.object(owner);
}

export function triggerFilterChoices(kind: RecordKind): Record<string, OptionsLoader> {
  return kind === 'deal' ? { owner_id: userChoices, pipeline_id: pipelineChoices } : { owner_id: userChoices };
}
