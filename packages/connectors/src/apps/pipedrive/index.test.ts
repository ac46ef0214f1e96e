// The Pipedrive app definition as the catalog sees it: keys, kinds, the connection form and the per-app checks.
import { existsSync } from 'node:fs';
import { z } from 'zod';
import { describe, expect, test } from 'vitest';
import { describeApp } from '../../kit/manifest.ts';
import { pipedriveApp } from './index.ts';

const manifest = describeApp(pipedriveApp);

describe('pipedrive app', () => {
  test('offers polling and instant triggers for deals, persons, organizations and activities', () => {
    const kinds = Object.fromEntries(manifest.triggers.map((trigger) => [trigger.key, trigger.kind]));
    for (const object of ['deal', 'person', 'organization', 'activity']) {
      expect(kinds[`new_${object}`]).toBe('polling');
      expect(kinds[`updated_${object}`]).toBe('polling');
      expect(kinds[`new_${object}_instant`]).toBe('app_webhook');
      expect(kinds[`updated_${object}_instant`]).toBe('app_webhook');
    }
    expect(manifest.triggers).toHaveLength(16);
  });

  test('offers the record actions, find person, create note and the custom API call', () => {
    expect(manifest.actions.map((action) => action.key).sort()).toEqual(
      [
        'create_activity',
        'create_deal',
        'create_note',
        'create_organization',
        'create_person',
        'custom_api_call',
        'find_person',
        'update_activity',
        'update_deal',
        'update_organization',
        'update_person',
      ].sort(),
    );
  });

  test('asks for a secret API token and an optional base URL', () => {
    expect(manifest.auth?.fields).toEqual([
      expect.objectContaining({ key: 'apiToken', label: 'API token', type: 'password', required: true, secret: true }),
      expect.objectContaining({ key: 'baseUrl', label: 'Base URL', required: false, secret: false }),
    ]);
  });

  test('every trigger and action has a sample, an object input schema, and a loader for each dynamic field', () => {
    for (const operation of [...pipedriveApp.triggers, ...pipedriveApp.actions]) {
      expect(operation.sample, operation.key).toBeDefined();
      const schema = z.toJSONSchema(operation.input, { io: 'input', unrepresentable: 'any' }) as {
        type?: string;
        properties?: Record<string, { dynamicOptions?: boolean; title?: string }>;
      };
      expect(schema.type, operation.key).toBe('object');
      for (const [field, property] of Object.entries(schema.properties ?? {})) {
        expect(property.title, `${operation.key}.${field} title`).toBeTruthy();
        if (property.dynamicOptions) expect(operation.options?.[field], `${operation.key}.${field}`).toBeTypeOf('function');
      }
    }
  });

  test('each operation is found in its own file, named by its key', () => {
    const fileOf = (folder: string, key: string) => new URL(`./${folder}/${key.replaceAll('_', '-')}.ts`, import.meta.url);
    for (const action of pipedriveApp.actions) expect(existsSync(fileOf('actions', action.key)), action.key).toBe(true);
    for (const trigger of pipedriveApp.triggers) expect(existsSync(fileOf('triggers', trigger.key)), trigger.key).toBe(true);
  });

  test('every polling trigger’s dedupe key works on its own sample', () => {
    for (const trigger of pipedriveApp.triggers) if (trigger.type === 'polling') expect(trigger.dedupeKey(trigger.sample), trigger.key).toMatch(/.+/);
  });

  test('deal actions offer pipelines, stages and owners as choices', () => {
    const properties = manifest.actions.find((action) => action.key === 'create_deal')?.inputSchema.properties as Record<string, { dynamicOptions?: boolean }>;
    expect(properties.pipeline_id?.dynamicOptions).toBe(true);
    expect(properties.stage_id?.dynamicOptions).toBe(true);
    expect(properties.owner_id?.dynamicOptions).toBe(true);
  });
});
