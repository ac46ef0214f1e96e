// Which Twenty object a step works on: the input field, its dropdown from the metadata API, and singular names for webhooks.
import { z } from 'zod';
import { StepFailure } from '../../http/errors.ts';
import type { OptionsLoader } from '../../kit/define.ts';
import { sendToTwenty, TWENTY_OBJECTS_PATH, type TwentyContext } from './client.ts';

export const objectField = z
  .string()
  .trim()
  .regex(/^[a-zA-Z][a-zA-Z0-9]*$/, 'Use the object’s plural API name, e.g. people')
  .meta({
    title: 'Object',
    description: 'people, companies, opportunities, or a custom object’s plural API name (Settings → Data model).',
    dynamicOptions: true,
  });

/** Standard objects: plural (REST path) → singular (webhook event names such as person.created). */
export const STANDARD_OBJECTS: Readonly<Record<string, string>> = {
  people: 'person',
  companies: 'company',
  opportunities: 'opportunity',
  notes: 'note',
  tasks: 'task',
};

const objectSchema = z.looseObject({
  nameSingular: z.string(),
  namePlural: z.string(),
  labelPlural: z.string().nullish(),
  isActive: z.boolean().nullish(),
  isSystem: z.boolean().nullish(),
});
type ObjectMetadata = z.output<typeof objectSchema>;

/** `{"data":{"objects":[…]},…}` (REST over the metadata GraphQL) or `{"data":[…],…}` (newer metadata controllers). */
const objectsResponse = z.object({ data: z.union([z.object({ objects: z.array(z.unknown()) }), z.array(z.unknown())]) });

export async function listObjects(context: TwentyContext): Promise<ObjectMetadata[]> {
  const response = await sendToTwenty(context, { path: TWENTY_OBJECTS_PATH });
  const parsed = objectsResponse.safeParse(response.body);
  if (!parsed.success) throw new StepFailure('Twenty answered the object list with an unexpected body', { transient: false, code: 'INVALID_RESPONSE' });
  const items = Array.isArray(parsed.data.data) ? parsed.data.data : parsed.data.data.objects;
  return items.flatMap((item) => {
    const object = objectSchema.safeParse(item);
    return object.success ? [object.data] : [];
  });
}

/** The dropdown: active objects users work with (system objects hidden), by their plural API name. */
export const loadObjects: OptionsLoader = async ({ auth, http }) => {
  const objects = await listObjects({ auth, http });
  return objects
    .filter((object) => object.isActive !== false && object.isSystem !== true)
    .map((object) => ({ value: object.namePlural, label: object.labelPlural ?? object.namePlural }));
};

/** `people` → `person`; custom objects are looked up in the workspace's metadata. */
export async function singularName(context: TwentyContext, namePlural: string): Promise<string> {
  const standard = STANDARD_OBJECTS[namePlural];
  if (standard) return standard;
  const found = (await listObjects(context)).find((object) => object.namePlural === namePlural);
  if (!found) {
    throw new StepFailure(`Twenty has no object "${namePlural}". Use the plural API name shown in Settings → Data model (e.g. people).`, {
      transient: false,
      code: 'INVALID_INPUT',
    });
  }
  return found.nameSingular;
}
