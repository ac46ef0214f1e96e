import { validateZap } from '@switchyard/engine';
import { apps, defineAction, defineApp, type AppDefinition } from '@switchyard/connectors';
import { z } from 'zod';
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

  it('refuses a schedule whose cron expression cannot fire, at publish, saying why', () => {
    const zap = (input: Record<string, unknown>) => ({ name: 'Weekday report', trigger: { app: 'schedule', event: 'schedule', input }, steps: [] });
    expect(validateZap(zap({ frequency: 'cron', cron: '0 9 * * 1-5', timezone: 'Europe/Prague' }), catalog)).toEqual([]);
    expect(validateZap(zap({ frequency: 'cron', cron: '0 9 * * 8' }), catalog)).toEqual([
      { path: 'trigger.input.cron', code: 'invalid_input', message: 'Invalid value for day-of-week: 8' },
    ]);
    expect(validateZap(zap({ frequency: 'daily', time: '9:30', timezone: 'Mars/Olympus' }), catalog).map(({ path, code }) => `${path} ${code}`)).toEqual([
      'trigger.input.time invalid_input',
      'trigger.input.timezone invalid_input',
    ]);
  });

  it('lists the inputs an action requires: fields without a default that are not optional', () => {
    expect(catalog.getAction('testing', 'call')?.requiredInputs).toEqual(['url']);
    expect(catalog.getAction('testing', 'fail')?.requiredInputs).toEqual(['message']);
    expect(catalog.getAction('http', 'request')?.requiredInputs).toContain('url');
    expect(catalog.getAction('testing', 'missing')).toBeUndefined();
  });

  it('says which actions reach outside: connector actions do, the formatter’s and any marked pure do not', () => {
    const sum = defineAction({
      key: 'sum',
      name: 'Sum',
      description: 'Adds.',
      input: z.object({ a: z.number() }),
      sample: 1,
      outputFields: [],
      pure: true,
      perform: async ({ input }) => input.a,
    });
    const withPure = createCatalog([defineApp({ key: 'maths', name: 'Maths', description: 'Sums.', actions: [sum], triggers: [] })]);
    expect(catalog.reachesOutside('http', 'request')).toBe(true);
    expect(catalog.reachesOutside('testing', 'echo')).toBe(true);
    expect(catalog.reachesOutside('formatter', 'text')).toBe(false);
    expect(withPure.reachesOutside('maths', 'sum')).toBe(false);
    // Unknown actions are taken to have reached outside: saving their record early is only an extra write.
    expect(catalog.reachesOutside('nope', 'nope')).toBe(true);
  });

  it('refuses two apps with one key', () => {
    expect(() => createCatalog([apps.http!, apps.http!])).toThrow(/two apps have the key "http"/);
  });
});
