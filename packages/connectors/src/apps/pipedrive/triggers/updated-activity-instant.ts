// Pipedrive "Updated Activity (Instant)": a webhook delivers each activity as it is changed, with its previous values.
import { instantTrigger } from '../instant.ts';

export const updatedActivityInstant = instantTrigger('activity', 'updated');
