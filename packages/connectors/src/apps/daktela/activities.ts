// Activities (calls, SMS, e-mails): how an action starts one in Daktela.
import { compact } from '../../kit/fields.ts';
import type { ServiceContext } from '../../kit/define.ts';
import { daktelaRecord, type DaktelaRecord } from './client.ts';

/** POST /activities.json with the fields given (empty ones left out); `additional` fields from the form override them. */
export function createActivity(context: ServiceContext, fields: Record<string, unknown>, additional: Record<string, unknown> = {}): Promise<DaktelaRecord> {
  return daktelaRecord(context, { method: 'POST', endpoint: 'activities', body: { ...compact(fields), ...additional } });
}
