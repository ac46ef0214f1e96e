// One small check per rule, over every app definition (in the spirit of Zapier's app checks).
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { describeApp } from '../kit/manifest.ts';
import { outputFieldProblems } from '@switchyard/contracts';
import { apps } from './index.ts';

const all = Object.values(apps);

describe.each(all.map((app) => [app.key, app] as const))('app %s', (_key, app) => {
  it('is registered under its own key', () => {
    expect(apps[app.key]).toBe(app);
  });

  it('has unique trigger and action keys', () => {
    expect(new Set(app.triggers.map((t) => t.key)).size).toBe(app.triggers.length);
    expect(new Set(app.actions.map((a) => a.key)).size).toBe(app.actions.length);
  });

  it('gives every trigger and action a name, a description and a sample', () => {
    for (const operation of [...app.triggers, ...app.actions]) {
      expect(operation.name.trim(), operation.key).not.toBe('');
      expect(operation.description.trim(), operation.key).not.toBe('');
      expect(operation.sample, `${operation.key} sample`).toBeDefined();
    }
  });

  it('declares output fields that agree with the sample, every top-level field labelled', () => {
    for (const operation of [...app.triggers, ...app.actions]) {
      expect(outputFieldProblems(operation.sample, operation.outputFields), operation.key).toEqual([]);
      if (operation.sample !== null && typeof operation.sample === 'object') expect(operation.outputFields.length, operation.key).toBeGreaterThan(0);
    }
  });

  it('says in one line what is guessed wherever an operation is unverified', () => {
    for (const operation of [...app.triggers, ...app.actions]) {
      if (operation.unverified === undefined) continue;
      expect(operation.unverified.trim(), operation.key).not.toBe('');
      expect(operation.unverified, operation.key).not.toMatch(/\n/);
    }
  });

  it('gives every polling trigger a dedupe key that works on its own sample', () => {
    for (const trigger of app.triggers) {
      if (trigger.type !== 'polling') continue;
      expect(typeof trigger.dedupeKey, trigger.key).toBe('function');
      expect(trigger.dedupeKey(trigger.sample), trigger.key).toMatch(/.+/);
    }
  });

  it('renders every input schema and its auth form as JSON Schema', () => {
    const manifest = describeApp(app);
    for (const operation of [...manifest.triggers, ...manifest.actions]) {
      expect(operation.inputSchema, operation.key).toMatchObject({ type: 'object' });
    }
    if (app.auth) {
      expect(manifest.auth?.fields.length).toBeGreaterThan(0);
      expect(app.auth.fields).toBeInstanceOf(z.ZodObject);
      expect(typeof app.auth.test).toBe('function');
    }
  });

  it('marks fields with dynamic choices only where a loader exists', () => {
    for (const operation of [...app.triggers, ...app.actions]) {
      const schema = z.toJSONSchema(operation.input, { io: 'input', unrepresentable: 'any' }) as { properties?: Record<string, { dynamicOptions?: boolean }> };
      for (const [field, property] of Object.entries(schema.properties ?? {})) {
        if (property.dynamicOptions) expect(operation.options?.[field], `${operation.key}.${field}`).toBeTypeOf('function');
      }
    }
  });
});
