// Activities (calls, SMS, e-mails): how an action starts one in Daktela, and the ticket a message can belong to.
import { compact, optionalNumber } from '../../kit/fields.ts';
import type { ServiceContext } from '../../kit/define.ts';
import { daktelaRecord, type DaktelaRecord } from './client.ts';

/** The ticket an SMS or e-mail is filed on; Daktela's own connector passes it with both, and numbers tickets. */
export const ticketField = optionalNumber(
  { title: 'Ticket', description: 'Number of the ticket the message belongs to; leave empty to send it without one.' },
  { integer: true },
);

/** POST /activities.json with the fields given (empty ones left out); `additional` fields from the form override them. */
export function createActivity(context: ServiceContext, fields: Record<string, unknown>, additional: Record<string, unknown> = {}): Promise<DaktelaRecord> {
  return daktelaRecord(context, { method: 'POST', endpoint: 'activities', body: { ...compact(fields), ...additional } });
}
