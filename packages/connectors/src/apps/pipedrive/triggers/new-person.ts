// Pipedrive "New Person" (polling): people added since the last poll, newest first, one run each.
import { newRecordTrigger } from '../polling.ts';

export const newPerson = newRecordTrigger('person');
