// Pipedrive "New Deal (Instant)": a webhook delivers each deal as it is added.
import { instantTrigger } from '../instant.ts';

export const newDealInstant = instantTrigger('deal', 'added');
