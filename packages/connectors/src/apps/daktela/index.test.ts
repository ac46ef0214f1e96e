// The Daktela app as a whole (index.ts): forms, samples and their declared outputs, dedupe, options, required inputs.
import { z } from 'zod';
import { describe, expect, test } from 'vitest';
import { describeApp } from '../../kit/manifest.ts';
import { daktelaApp } from './index.ts';

describe('daktela app definition', () => {
  const manifest = describeApp(daktelaApp);

  test('renders every input as a JSON Schema object and the connection form with two fields', () => {
    for (const operation of [...manifest.triggers, ...manifest.actions]) expect(operation.inputSchema, operation.key).toMatchObject({ type: 'object' });
    expect(manifest.auth?.fields.map((field) => field.key)).toEqual(['baseUrl', 'accessToken']);
  });

  test('every polling trigger’s dedupe key works on its own sample', () => {
    for (const trigger of daktelaApp.triggers) {
      if (trigger.type !== 'polling') continue;
      expect(trigger.dedupeKey(trigger.sample), trigger.key).toMatch(/.+/);
    }
  });

  test('fields marked with dynamic choices have a loader', () => {
    for (const operation of [...daktelaApp.triggers, ...daktelaApp.actions]) {
      const schema = z.toJSONSchema(operation.input, { io: 'input', unrepresentable: 'any' }) as { properties?: Record<string, { dynamicOptions?: boolean }> };
      for (const [field, property] of Object.entries(schema.properties ?? {})) {
        if (property.dynamicOptions) expect(operation.options?.[field], `${operation.key}.${field}`).toBeTypeOf('function');
      }
    }
  });

  test('required inputs are the ones Daktela requires (API-NOTES 1.5/1.6)', () => {
    const required = Object.fromEntries(manifest.actions.map((action) => [action.key, (action.inputSchema as { required?: string[] }).required ?? []]));
    expect(required).toMatchObject({
      create_ticket: ['title', 'category'],
      update_ticket: ['name'],
      create_contact: ['lastname', 'database'],
      create_crm_record: ['type', 'title'],
      create_campaign_record: ['record_type'],
      create_account: ['title', 'database'],
      make_call: ['number', 'queue'],
      send_sms: ['queue', 'number', 'text'],
      send_email: ['queue', 'address', 'subject', 'text'],
      set_pause: [],
    });
  });

  test('only create_contact and set_pause rest on a guess, and the catalog says so with the reason', () => {
    const unverified = [...manifest.triggers, ...manifest.actions].filter((operation) => !operation.verified);
    expect(unverified.map((operation) => [operation.key, operation.unverifiedReason])).toEqual([
      ['create_contact', expect.stringMatching(/whether a contact needs a unique name/)],
      ['set_pause', expect.stringMatching(/^Daktela does not document how a pause is set/)],
    ]);
  });
});
