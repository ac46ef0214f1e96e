// Input fields Pipedrive records share, built from the kit's: the owner, who can see it (1/3/5/7), labels, custom fields.
import { z } from 'zod';
import { blankToUndefined, customFields, FIELD_LIMITS, optionalId, optionalNumber } from '../../kit/fields.ts';

export const ownerField = () => optionalId({ title: 'Owner', description: 'The Pipedrive user who owns it.', dynamicOptions: true });

/** Pipedrive's visibility levels: 1 owner only, 3 owner's visibility group, 5 and sub-groups, 7 entire company. */
const VISIBILITY_LEVELS = [1, 3, 5, 7];

export const visibleToField = () =>
  optionalNumber({ title: 'Visible to', description: '1 owner only, 3 owner’s visibility group, 5 owner’s group and sub-groups, 7 entire company.' }).refine(
    (level) => level === undefined || VISIBILITY_LEVELS.includes(level),
    'Use 1, 3, 5 or 7',
  );

/** Numeric ids, as Pipedrive's label_ids want them; the kit's id lists hold text ids. */
export const labelIdsField = () =>
  z
    .preprocess(blankToUndefined, z.array(z.coerce.number().int().positive()).max(FIELD_LIMITS.listItems).optional())
    .meta({ title: 'Label ids', description: 'Ids of the labels to set (replaces the current ones).' });

/** v2 custom fields: an object keyed by each field's 40-character hash (Settings → Data fields shows them). */
export const customFieldsField = () =>
  customFields('Values keyed by the custom field’s 40-character key, e.g. {"d4de1c1518b4531717c676029a45911c340390a6": "Gold"}.');
