// Twenty "Deleted record (instant)": a webhook for {singular}.deleted (trash) and, unless turned off, {singular}.destroyed.
import { z } from 'zod';
import { flag } from '../../../kit/fields.ts';
import { recordWebhookTrigger, type RecordEvent } from '../instant-trigger.ts';
import { objectField } from '../objects.ts';

// An input stored before the field existed has no value: permanent deletions are included, as the default says.
function deleteEvents(includeDestroyed: boolean | undefined): RecordEvent[] {
  return includeDestroyed === false ? ['deleted'] : ['deleted', 'destroyed'];
}

export const recordDeleted = recordWebhookTrigger({
  key: 'record_deleted',
  name: 'Deleted record (instant)',
  description: 'Starts the zap when a record of the chosen object is deleted in Twenty; the data is the record as it was before.',
  input: z.object({
    object: objectField,
    includeDestroyed: flag(
      {
        title: 'Include permanent deletions',
        description:
          'On: fires when a record is moved to the trash and when it is destroyed (API deletions are permanent). A record trashed and later destroyed fires twice. Off: trash only.',
      },
      { default: true },
    ),
  }),
  label: 'record deleted',
  events: (input) => deleteEvents(input.includeDestroyed),
});
