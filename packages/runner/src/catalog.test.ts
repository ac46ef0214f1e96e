import { apps, type AppDefinition } from '@switchyard/connectors';
import { describe, expect, it } from 'vitest';
import { testingApps } from '@switchyard/testing';
import { createCatalog } from './catalog.ts';

const catalog = createCatalog([...Object.values(apps), ...(testingApps as unknown as AppDefinition[])]);

describe('app catalog', () => {
  it('knows each trigger’s kind and sample', () => {
    expect(catalog.triggerKind('webhooks', 'catch_hook')).toBe('hook');
    expect(catalog.triggerKind('webhooks', 'nope')).toBeUndefined();
    expect(catalog.triggerSample('webhooks', 'catch_hook')).toMatchObject({ method: 'POST' });
  });

  it('lists the inputs an action requires: fields without a default that are not optional', () => {
    expect(catalog.getAction('testing', 'call')?.requiredInputs).toEqual(['url']);
    expect(catalog.getAction('testing', 'fail')?.requiredInputs).toEqual(['message']);
    expect(catalog.getAction('http', 'request')?.requiredInputs).toContain('url');
    expect(catalog.getAction('testing', 'missing')).toBeUndefined();
  });

  it('refuses two apps with one key', () => {
    expect(() => createCatalog([apps.http!, apps.http!])).toThrow(/two apps have the key "http"/);
  });
});
