// Action "Get Number List": the virtual numbers, service numbers and alphanumeric sender IDs of the CINNOX service.
import { z } from 'zod';
import { defineAction } from '../../../kit/define.ts';
import { number } from '../../../kit/fields.ts';
import { CINNOX_PATHS, cinnoxCall, listOf } from '../client.ts';

export const getNumberList = defineAction({
  key: 'get_number_list',
  name: 'Get Number List',
  description: 'Lists the numbers of the CINNOX service (virtual numbers, service numbers, alphanumeric sender IDs), up to 500 per call.',
  unverified: 'CINNOX documents “Get Number List” by name and its 500 limit only: the path number-list, offset/limit and the answer’s shape are guessed.',
  input: z.object({
    limit: number({ title: 'Limit', description: 'At most 500 (CINNOX’s batch limit).' }, { integer: true, min: 1, max: 500, default: 500 }),
    offset: number({ title: 'Offset' }, { integer: true, min: 0, default: 0 }),
  }),
  sample: { numbers: [{ number: '+85230011234', type: 'Virtual Number', country: 'HK' }], count: 1, total: 1 },
  outputFields: [
    { key: 'numbers', label: 'Numbers', type: 'array' },
    { key: 'numbers[0].number', label: 'First number', type: 'string' },
    { key: 'numbers[0].type', label: 'First number: type', type: 'string' },
    { key: 'count', label: 'Numbers returned', type: 'integer' },
    { key: 'total', label: 'Numbers in the service', type: 'integer' },
  ],
  async perform(context) {
    const { offset, limit } = context.input;
    const { items, total } = listOf(await cinnoxCall(context, { path: CINNOX_PATHS.numberList, query: { offset, limit } }));
    return { numbers: items, count: items.length, total: total ?? items.length };
  },
});
