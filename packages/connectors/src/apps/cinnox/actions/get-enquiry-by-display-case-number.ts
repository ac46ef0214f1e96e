// Action "Get Enquiry by Display Case Number": the enquiry detail report, filtered to one case.
import { z } from 'zod';
import { defineAction } from '../../../kit/define.ts';
import { optionalText, textId } from '../../../kit/fields.ts';
import { CINNOX_PATHS, findInList, notFound } from '../client.ts';

/** ⚠ INFERRED: the query parameter of the enquiry detail report that filters by display case number. */
export const CINNOX_ENQUIRY_CASE_PARAM = 'displayCaseNumber';

export const getEnquiry = defineAction({
  key: 'get_enquiry_by_display_case_number',
  name: 'Get Enquiry by Display Case Number',
  description: 'Finds an enquiry by the case number shown to staff and visitors. Fails when there is none.',
  input: z.object({
    displayCaseNumber: textId({ title: 'Display case number', description: 'e.g. 100245' }),
    // Free text, not a checked date: the report's own format is what CINNOX accepts.
    startAt: optionalText({ title: 'From', description: 'Optional start of the period to search, as CINNOX’s report expects it (e.g. 2025-05-01T00:00:00Z).' }),
    endAt: optionalText({ title: 'To', description: 'Optional end of the period to search.' }),
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
  outputFields: [
    { key: 'enquiryID', label: 'Enquiry ID', type: 'string' },
    { key: '_id', label: 'Enquiry record ID', type: 'string' },
    { key: 'createdAt', label: 'Created at', type: 'datetime' },
    { key: 'svcID', label: 'Service ID', type: 'string' },
    { key: 'displayCaseNumber', label: 'Display case number', type: 'string' },
    { key: 'status', label: 'Status', type: 'string' },
    { key: 'initChannel', label: 'Started as (IM or call)', type: 'string' },
    { key: 'channel', label: 'Channel', type: 'string' },
    { key: 'roomID', label: 'Room ID', type: 'string' },
    { key: 'destinationID', label: 'Destination ID', type: 'string' },
    { key: 'destinationName', label: 'Destination', type: 'string' },
    { key: 'destinationType', label: 'Destination type', type: 'string' },
    { key: 'visitor', label: 'Visitor', type: 'object' },
    { key: 'visitor.name', label: 'Visitor name', type: 'string' },
    { key: 'tag', label: 'Tags', type: 'array' },
  ],
  async perform(context): Promise<Record<string, unknown>> {
    const { input } = context;
    const caseNumber = String(input.displayCaseNumber);
    const found = await findInList(context, {
      path: CINNOX_PATHS.enquiryDetail,
      query: { [CINNOX_ENQUIRY_CASE_PARAM]: caseNumber, startAt: input.startAt, endAt: input.endAt },
      pageSize: 100,
      maxPages: 5,
      match: (enquiry) => String(enquiry.displayCaseNumber ?? '') === caseNumber,
    });
    if (!found) throw notFound(`CINNOX has no enquiry with display case number ${caseNumber}.`);
    return { enquiryID: String(found._id ?? found.id ?? ''), ...found };
  },
});
