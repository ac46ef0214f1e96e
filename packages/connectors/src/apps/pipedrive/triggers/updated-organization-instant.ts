// Pipedrive "Updated Organization (Instant)": a webhook delivers each organization as it is changed, with its previous values.
import { instantTrigger } from '../instant.ts';

export const updatedOrganizationInstant = instantTrigger('organization', 'updated');
