// Pipedrive "New Person (Instant)": a webhook delivers each person as it is added.
import { instantTrigger } from '../instant.ts';

export const newPersonInstant = instantTrigger('person', 'added');
