// Pipedrive "Updated Deal" (polling): deals added or changed since the last poll, one run per change.
import { updatedRecordTrigger } from '../polling.ts';

export const updatedDeal = updatedRecordTrigger('deal');
