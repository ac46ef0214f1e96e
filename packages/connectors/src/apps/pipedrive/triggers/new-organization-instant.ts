// Pipedrive "New Organization (Instant)": a webhook delivers each organization as it is added.
import { instantTrigger } from '../instant.ts';

export const newOrganizationInstant = instantTrigger('organization', 'added');
