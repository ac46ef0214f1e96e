// Which Twenty object and record a step works on: the input fields, the object dropdown from the metadata API, and
// singular names for webhooks.
import { z } from 'zod';
import { StepFailure } from '../../http/errors.ts';
import type { OptionsLoader, ServiceContext } from '../../kit/define.ts';
import { jsonObject, text } from '../../kit/fields.ts';
import { apiName } from './api-names.ts';
import { sendToTwenty, TWENTY_OBJECTS_PATH } from './client.ts';

export const objectField = apiName(/^[a-zA-Z][a-zA-Z0-9]*$/, 'Use the object’s plural API name, e.g. people', {
  title: 'Object',
  description: 'people, companies, opportunities, or a custom object’s plural API name (Settings → Data model).',
  dynamicOptions: true,
});

/** The input of operations that need nothing but the object. */
export const objectInput = z.object({ object: objectField });

export const recordIdField = text({ title: 'Record ID', description: 'The record’s id (a UUID).' });

/** A record's fields as a JSON object (or JSON text); composite fields are objects: name {firstName,lastName}, emails {primaryEmail}. */
export const recordFieldsField = jsonObject({
  title: 'Fields (JSON)',
  description:
    'The record’s fields as JSON. Composite fields are objects, e.g. {"name": {"firstName": "Ada", "lastName": "Lovelace"}, "emails": {"primaryEmail": "ada@example.com"}, "jobTitle": "CTO"}.',
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

export async function listObjects(context: ServiceContext): Promise<ObjectMetadata[]> {
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
export const loadObjects: OptionsLoader = async (context) => {
  const objects = await listObjects(context);
  return objects
    .filter((object) => object.isActive !== false && object.isSystem !== true)
    .map((object) => ({ value: object.namePlural, label: object.labelPlural ?? object.namePlural }));
};

/** `people` → `person`; custom objects are looked up in the workspace's metadata. */
export async function singularName(context: ServiceContext, namePlural: string): Promise<string> {
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
