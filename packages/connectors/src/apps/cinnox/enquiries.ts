// "Get Enquiry by Display Case Number": the enquiry detail report, filtered to one case.
import { z } from 'zod';
import { defineAction } from '../../kit/define.ts';
import { CINNOX_PATHS, findInList, notFound } from './client.ts';

/** ⚠ INFERRED: the query parameter of the enquiry detail report that filters by display case number. */
export const CINNOX_ENQUIRY_CASE_PARAM = 'displayCaseNumber';

export const getEnquiry = defineAction({
  key: 'get_enquiry_by_display_case_number',
  name: 'Get Enquiry by Display Case Number',
  description: 'Finds an enquiry by the case number shown to staff and visitors. Fails when there is none.',
  input: z.object({
    displayCaseNumber: z.union([z.string().trim().min(1), z.number().int()]).meta({ title: 'Display case number', description: 'e.g. 100245' }),
    startAt: z.string().trim().optional().meta({ title: 'From', description: 'Optional start of the period to search, as CINNOX’s report expects it (e.g. 2025-05-01T00:00:00Z).' }),
    endAt: z.string().trim().optional().meta({ title: 'To', description: 'Optional end of the period to search.' }),
  }),
  sample: {
    enquiryID: '6650a1c2e4b0f5a1b2c3d4e5',
    _id: '6650a1c2e4b0f5a1b2c3d4e5',
    createdAt: '2025-05-20T08:15:30Z',
    svcID: 'svc_1a2b3c',
    displayCaseNumber: '100245',
    status: 'closed',
    initChannel: 'IM',
    channel: 'WHATSAPP',
    roomID: 'room_77c1',
    destinationID: 'team_01',
    destinationName: 'Sales',
    destinationType: 'team',
    visitor: { name: 'Chan Tai Man' },
    tag: ['VIP'],
  },
  async perform({ input, auth, http }): Promise<Record<string, unknown>> {
    const caseNumber = String(input.displayCaseNumber);
    const found = await findInList(http, auth, {
      path: CINNOX_PATHS.enquiryDetail,
      query: { [CINNOX_ENQUIRY_CASE_PARAM]: caseNumber, startAt: input.startAt || undefined, endAt: input.endAt || undefined },
      pageSize: 100,
      maxPages: 5,
      match: (enquiry) => String(enquiry.displayCaseNumber ?? '') === caseNumber,
    });
    if (!found) throw notFound(`CINNOX has no enquiry with display case number ${caseNumber}.`);
    return { enquiryID: String(found._id ?? found.id ?? ''), ...found };
  },
});
