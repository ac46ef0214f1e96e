// Pipedrive "Updated Organization" (polling): organizations added or changed since the last poll, one run per change.
import { updatedRecordTrigger } from '../polling.ts';

export const updatedOrganization = updatedRecordTrigger('organization');
