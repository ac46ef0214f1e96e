// Action "Tag Customer": adds tags to a customer found by email, id or user id.
import { z } from 'zod';
import { defineAction } from '../../../kit/define.ts';
import { blankToUndefined, compact, list } from '../../../kit/fields.ts';
import { helpcrunchCall } from '../client.ts';
import { customerIdBy, customerOutputFields, customerPath, customerSample, lookupFields, onCustomer } from '../customers.ts';

export const tagCustomer = defineAction({
  key: 'tag_customer',
  name: 'Tag Customer',
  description: 'Adds tags to a customer found by email, id or user id (tags it already has stay).',
  input: z.object({
    ...lookupFields,
    tags: list({ title: 'Tags', description: 'Tag names, separated by commas.' }),
    // The kit has no colour field; HelpCrunch takes a hex colour for tags it creates.
    color: z
      .preprocess(
        blankToUndefined,
        z
          .string()
          .trim()
          .regex(/^#[0-9a-fA-F]{3}([0-9a-fA-F]{3})?$/, 'use a hex colour like #ff0000')
          .optional(),
      )
      .meta({ title: 'Colour', description: 'Optional, for new tags, e.g. #ff0000.' }),
  }),
  sample: customerSample,
  outputFields: customerOutputFields,
  async perform(context) {
    const { findBy, findValue, tags, color } = context.input;
    const id = await customerIdBy(context, findBy, findValue);
    const body = { tags: tags.map((name) => compact({ name, color })) };
    const result = await onCustomer(id, () => helpcrunchCall(context, { method: 'PUT', path: `${customerPath(id)}/tags`, body }));
    return result !== null && typeof result === 'object' ? result : { id, tags };
  },
});
