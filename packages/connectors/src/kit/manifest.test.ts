// Tests of the JSON description the builder renders forms from.
import { expect, test } from 'vitest';
import { httpApp } from '../apps/http/index.ts';
import { describeApp } from './manifest.ts';

test("the HTTP app's manifest renders the Request input as JSON Schema with titles and defaults", () => {
  const manifest = describeApp(httpApp);
  expect(manifest).toMatchObject({ key: 'http', auth: null, triggers: [] });
  const request = manifest.actions.find((action) => action.key === 'request');
  const schema = request?.inputSchema as {
    type: string;
    required: string[];
    properties: Record<string, { title?: string; default?: unknown; enum?: unknown[] }>;
  };
  expect(schema.type).toBe('object');
  expect(schema.required).toEqual(['url']);
  expect(schema.properties.method).toMatchObject({ title: 'Method', default: 'GET', enum: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'] });
  expect(schema.properties.parseJson).toMatchObject({ title: 'Parse response as JSON', default: true });
  expect(schema.properties.password).toMatchObject({ secret: true });
  expect(request?.sample).toMatchObject({ status: 200 });
});

test('auth fields carry their label, help, type and secret flag from the zod metadata', async () => {
  const { z } = await import('zod');
  const { authFields } = await import('./manifest.ts');
  const fields = authFields(
    z.object({
      baseUrl: z.string().url().meta({ title: 'API URL', description: 'Your instance, e.g. https://acme.daktela.com' }),
      token: z.string().min(1).meta({ title: 'Access token', secret: true }),
      note: z.string().optional(),
    }),
  );
  expect(fields).toEqual([
    { key: 'baseUrl', label: 'API URL', type: 'url', required: true, secret: false, help: 'Your instance, e.g. https://acme.daktela.com' },
    { key: 'token', label: 'Access token', type: 'password', required: true, secret: true, help: null },
    { key: 'note', label: 'note', type: 'string', required: false, secret: false, help: null },
  ]);
});

test('the webhooks app describes its catch hook trigger with kind "hook"', async () => {
  const { webhooksApp } = await import('../apps/webhooks/index.ts');
  expect(describeApp(webhooksApp).triggers).toEqual([expect.objectContaining({ key: 'catch_hook', kind: 'hook' })]);
});
