// Pipedrive "Updated Person" (polling): people added or changed since the last poll, one run per change.
import { updatedRecordTrigger } from '../polling.ts';

export const updatedPerson = updatedRecordTrigger('person');
