// Pipedrive "Updated Person (Instant)": a webhook delivers each person as it is changed, with its previous values.
import { instantTrigger } from '../instant.ts';

export const updatedPersonInstant = instantTrigger('person', 'updated');
