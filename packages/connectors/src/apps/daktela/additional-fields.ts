// The "Additional fields" input of the message and pause actions: more Daktela fields sent as they are, over the built body.
import { optionalKeyValue } from '../../kit/fields.ts';

export function additionalFieldsField() {
  return optionalKeyValue({
    title: 'Additional fields',
    description: 'More fields to send as they are, e.g. {"contact": "contacts_5fa2…"}; they override the fields above.',
  });
}
