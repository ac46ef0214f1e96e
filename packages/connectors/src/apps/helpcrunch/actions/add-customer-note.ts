// Action "Add Note to Customer": appends a note below the customer's notes (GET, then PATCH /customers/{id} with the whole text).
import { z } from 'zod';
import { StepFailure } from '../../../http/errors.ts';
import { isRecord } from '../../../kit/common.ts';
import { defineAction } from '../../../kit/define.ts';
import { id, longText } from '../../../kit/fields.ts';
import { helpcrunchCall } from '../client.ts';
import { customerOutputFields, customerPath, customerSample, onCustomer } from '../customers.ts';

/** The notes with the new one on a line of its own below them; no notes yet (null or blank) means just the new one. */
function appendNote(notes: unknown, note: string): string {
  if (typeof notes !== 'string' || notes.trim() === '') return note;
  return notes.endsWith('\n') ? `${notes}${note}` : `${notes}\n${note}`;
}

export const addCustomerNote = defineAction({
  key: 'add_customer_note',
  name: 'Add Note to Customer',
  description:
    'Adds a note to a HelpCrunch customer, on a new line below the notes already there. Fails when no customer has the id, so a later step can branch on it.',
  input: z.object({
    customerId: id({ title: 'Customer ID', description: 'The HelpCrunch id of the customer (a number).' }),
    note: longText({ title: 'Note' }),
  }),
  sample: customerSample,
  outputFields: customerOutputFields,
  async perform(context) {
    const { customerId, note } = context.input;
    const path = customerPath(customerId);
    const customer = await onCustomer(customerId, () => helpcrunchCall(context, { path }));
    if (!isRecord(customer)) {
      throw new StepFailure('HelpCrunch answered the customer request without a customer.', { transient: false, code: 'INVALID_RESPONSE' });
    }
    // HelpCrunch has no "append": PATCH sends the whole text, so a repeated PATCH (after a 429) sets the same value.
    return onCustomer(customerId, () => helpcrunchCall(context, { method: 'PATCH', path, body: { notes: appendNote(customer.notes, note) } }));
  },
});
