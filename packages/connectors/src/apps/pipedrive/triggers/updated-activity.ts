// Pipedrive "Updated Activity" (polling): activities added or changed since the last poll, one run per change.
import { updatedRecordTrigger } from '../polling.ts';

export const updatedActivity = updatedRecordTrigger('activity');
