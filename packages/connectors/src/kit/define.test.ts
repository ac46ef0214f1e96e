// Tests of the definition checks that make a broken connector fail at load.
import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { defineAction, defineApp, findAction } from './define.ts';

const ping = defineAction({
  key: 'ping',
  name: 'Ping',
  description: 'Says pong.',
  input: z.object({ who: z.string() }),
  sample: { pong: 'you' },
  outputFields: [{ key: 'pong', label: 'Pong', type: 'string' }],
  async perform({ input }) {
    return { pong: input.who };
  },
});

describe('defineApp', () => {
  test('accepts a well-formed app and finds its actions by key', () => {
    const app = defineApp({ key: 'demo', name: 'Demo', description: 'A demo.', actions: [ping], triggers: [] });
    expect(findAction(app, 'ping')?.name).toBe('Ping');
    expect(findAction(app, 'nope')).toBeUndefined();
  });

  test('refuses two actions with the same key at load time', () => {
    expect(() => defineApp({ key: 'demo', name: 'Demo', description: 'A demo.', actions: [ping, ping], triggers: [] })).toThrow(
      'action key "ping" is used twice',
    );
  });

  test('refuses an operation without output fields, as a module loaded at run time could have', () => {
    const bare = { ...ping, outputFields: undefined } as unknown as typeof ping;
    expect(() => defineApp({ key: 'demo', name: 'Demo', description: 'A demo.', actions: [bare], triggers: [] })).toThrow('ping declares no outputFields');
  });

  test('refuses keys that are not lowercase identifiers', () => {
    expect(() => defineApp({ key: 'Demo App', name: 'Demo', description: 'x', actions: [], triggers: [] })).toThrow('key');
  });
});

describe('defineAction', () => {
  test('refuses an input that is not an object schema, since it could not render as a form', () => {
    expect(() =>
      defineAction({ key: 'bad', name: 'Bad', description: 'Bad.', input: z.string(), sample: null, outputFields: [], perform: async () => null }),
    ).toThrow('input must be a z.object schema');
  });

  test('refuses a missing description', () => {
    expect(() =>
      defineAction({ key: 'bad', name: 'Bad', description: ' ', input: z.object({}), sample: null, outputFields: [], perform: async () => null }),
    ).toThrow('a description is required');
  });
});
