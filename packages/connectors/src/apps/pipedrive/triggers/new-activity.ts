// Pipedrive "New Activity" (polling): activities added since the last poll, newest first, one run each.
import { newRecordTrigger } from '../polling.ts';

export const newActivity = newRecordTrigger('activity');
