// Pipedrive "Updated Deal (Instant)": a webhook delivers each deal as it is changed, with its previous values.
import { instantTrigger } from '../instant.ts';

export const updatedDealInstant = instantTrigger('deal', 'updated');
