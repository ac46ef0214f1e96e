// Pipedrive "New Activity (Instant)": a webhook delivers each activity as it is added.
import { instantTrigger } from '../instant.ts';

export const newActivityInstant = instantTrigger('activity', 'added');
