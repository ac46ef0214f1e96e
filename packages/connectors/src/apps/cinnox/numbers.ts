// "Get Number List": the virtual numbers, service numbers and alphanumeric sender IDs of the CINNOX service.
import { z } from 'zod';
import { defineAction } from '../../kit/define.ts';
import { CINNOX_PATHS, cinnoxCall, listOf } from './client.ts';

export const getNumberList = defineAction({
  key: 'get_number_list',
  name: 'Get Number List',
  description: 'Lists the numbers of the CINNOX service (virtual numbers, service numbers, alphanumeric sender IDs), up to 500 per call.',
  input: z.object({
    limit: z.coerce.number().int().min(1).max(500).default(500).meta({ title: 'Limit', description: 'At most 500 (CINNOX’s batch limit).' }),
    offset: z.coerce.number().int().min(0).default(0).meta({ title: 'Offset' }),
  }),
  sample: { numbers: [{ number: '+85230011234', type: 'Virtual Number', country: 'HK' }], count: 1, total: 1 },
  async perform({ input, auth, http }) {
    const { items, total } = listOf(await cinnoxCall(http, auth, { path: CINNOX_PATHS.numberList, query: { offset: input.offset, limit: input.limit } }));
    return { numbers: items, count: items.length, total: total ?? items.length };
  },
});
