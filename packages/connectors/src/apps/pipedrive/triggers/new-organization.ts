// Pipedrive "New Organization" (polling): organizations added since the last poll, newest first, one run each.
import { newRecordTrigger } from '../polling.ts';

export const newOrganization = newRecordTrigger('organization');
