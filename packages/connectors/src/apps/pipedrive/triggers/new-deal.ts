// Pipedrive "New Deal" (polling): deals added since the last poll, newest first, one run each.
import { newRecordTrigger } from '../polling.ts';

export const newDeal = newRecordTrigger('deal');
