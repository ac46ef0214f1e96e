// The names of Twenty's API that a form asks for (an object's plural name, a field path): one line of a fixed shape.
import { z } from 'zod';
import { blankToUndefined, FIELD_LIMITS, type FieldLabel } from '../../kit/fields.ts';

/**
 * Required text that must match `pattern`, read as the kit's `text` reads (blank is "not given", trimmed, the kit's
 * limit), or fails with `hint`. Built here from zod because the kit has no patterned text field yet; Twenty needs it
 * for objects and for field paths.
 */
export function apiName(pattern: RegExp, hint: string, label: FieldLabel) {
  return z.preprocess(blankToUndefined, z.string().trim().max(FIELD_LIMITS.text).regex(pattern, hint)).meta(label);
}
