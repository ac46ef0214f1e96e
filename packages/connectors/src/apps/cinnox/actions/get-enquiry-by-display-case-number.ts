// Action "Get Enquiry by Display Case Number": the enquiry detail report over a period, paged through to one case.
import { z } from 'zod';
import { StepFailure } from '../../../http/errors.ts';
import { defineAction } from '../../../kit/define.ts';
import { number, optionalText, textId } from '../../../kit/fields.ts';
import { CINNOX_PATHS, findInList, notFound } from '../client.ts';

/** ⚠ INFERRED: the query parameter of the enquiry detail report that filters by display case number. */
export const CINNOX_ENQUIRY_CASE_PARAM = 'displayCaseNumber';

const DAY_MS = 86_400_000;
/** Enquiries per page of the report, and the pages read before asking for a narrower period. */
const PAGE_SIZE = 100;
const MAX_PAGES = 50;

const input = z.object({
  displayCaseNumber: textId({ title: 'Display case number', description: 'e.g. 100245' }),
  // Free text, not a checked date: the report's own format is what CINNOX accepts.
  startAt: optionalText({
    title: 'From',
    description: 'Start of the period to search (the report only answers for a period), e.g. 2025-05-01T00:00:00Z. Default: “Days back” before “To”.',
  }),
  endAt: optionalText({ title: 'To', description: 'End of the period to search, e.g. 2025-06-01T00:00:00Z. Default: now.' }),
  periodDays: number(
    { title: 'Days back', description: 'Without “From”, the period starts this many days before “To”. Default 90.' },
    { integer: true, min: 1, max: 365, default: 90 },
  ),
});

/** The period the report is asked for: as given, or counted back from “To” (or now) when “From” is blank. */
function periodOf(given: z.output<typeof input>, now: number): { startAt: string; endAt: string; countedBack: boolean } {
  const endAt = given.endAt ?? new Date(now).toISOString();
  if (given.startAt) return { startAt: given.startAt, endAt, countedBack: false };
  const end = Date.parse(endAt);
  if (Number.isNaN(end)) {
    throw new StepFailure(`“To” (${endAt}) is not a date to count “Days back” from; use e.g. 2025-06-01T00:00:00Z, or fill in “From” as well.`, {
      transient: false,
      code: 'INVALID_INPUT',
    });
  }
  return { startAt: new Date(end - given.periodDays * DAY_MS).toISOString(), endAt, countedBack: true };
}

export const getEnquiry = defineAction({
  key: 'get_enquiry_by_display_case_number',
  name: 'Get Enquiry by Display Case Number',
  description:
    'Finds an enquiry by the case number shown to staff and visitors, in the enquiries created in a period (by default the last 90 days). Fails when there is none.',
  unverified:
    'The report’s query parameters are not published beyond the required startAt/endAt: the case-number filter and offset/limit paging are guessed, so the case is matched here page by page.',
  input,
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
    const caseNumber = String(context.input.displayCaseNumber);
    const { startAt, endAt, countedBack } = periodOf(context.input, Date.now());
    const search = await findInList(context, {
      path: CINNOX_PATHS.enquiryDetail,
      query: { [CINNOX_ENQUIRY_CASE_PARAM]: caseNumber, startAt, endAt },
      pageSize: PAGE_SIZE,
      maxPages: MAX_PAGES,
      match: (enquiry) => String(enquiry.displayCaseNumber ?? '') === caseNumber,
    });
    if (search.found) return { enquiryID: String(search.found._id ?? search.found.id ?? ''), ...search.found };
    const period = `created between ${startAt} and ${endAt}`;
    if (!search.complete) {
      throw new StepFailure(
        `CINNOX’s enquiry report has more than ${String(search.read)} enquiries ${period} and none of the first ${String(search.read)} has display case number ${caseNumber}: narrow the period with “From” and “To”.`,
        { transient: false, code: 'INVALID_INPUT' },
      );
    }
    const which = countedBack && !context.input.endAt ? ` (the last ${String(context.input.periodDays)} days)` : '';
    throw notFound(`CINNOX has no enquiry with display case number ${caseNumber} ${period}${which}. Set “From” and “To” to search another period.`);
  },
});
