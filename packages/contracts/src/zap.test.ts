import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { isJsonValue, JsonValue, setOwn, Step, Zap, ZapDefinition, ZapInput, ZAP_LIMITS } from './zap.ts';

const apiExample = {
  name: 'New Daktela ticket -> Pipedrive deal',
  trigger: { app: 'daktela', event: 'new_ticket', connectionId: 'c_1', input: {} },
  steps: [
    { key: 'only_high', type: 'filter', conditions: [[{ left: '{{trigger.priority}}', op: 'equals', right: 'HIGH' }]] },
    { key: 'shape', type: 'code', input: { code: 'return { title: input.t.toUpperCase() }', inputData: { t: '{{trigger.title}}' } } },
    {
      key: 'deal',
      type: 'action',
      app: 'pipedrive',
      action: 'create_deal',
      connectionId: 'c_2',
      onError: 'halt',
      input: { title: '{{steps.shape.title}}', value: 100 },
    },
    {
      key: 'route',
      type: 'paths',
      branches: [
        {
          name: 'failed',
          conditions: [[{ left: '{{steps.deal.$status}}', op: 'equals', right: 'error' }]],
          steps: [{ key: 'wait', type: 'delay', input: { for: { amount: 5, unit: 'minutes' } } }],
        },
        { name: 'otherwise', conditions: [], steps: [{ key: 'each', type: 'loop', input: { items: '{{trigger.lines}}', maxItems: 10 }, steps: [] }] },
      ],
    },
  ],
};

function nestedLoops(depth: number): unknown {
  let steps: unknown[] = [];
  for (let level = depth; level > 0; level -= 1) {
    steps = [{ key: `l${level}`, type: 'loop', input: { items: [] }, steps }];
  }
  return { name: 'deep', trigger: { app: 'webhooks', event: 'catch_hook' }, steps };
}

describe('ZapDefinition', () => {
  it('accepts the zap example of the API contract, defaulting onError to halt', () => {
    const zap = ZapDefinition.parse(apiExample);
    expect(zap.steps[1]).toMatchObject({ type: 'code', onError: 'halt' });
    expect(zap.steps[3]?.type).toBe('paths');
  });

  it('rejects an unknown step type at its path', () => {
    const result = ZapDefinition.safeParse({ ...apiExample, steps: [{ key: 'x', type: 'teleport' }] });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['steps', 0, 'type']);
  });

  it('rejects step keys that are not identifiers or are longer than 64 characters', () => {
    for (const key of ['1st', 'has-dash', 'has space', '', 'a'.repeat(65)]) {
      expect(Step.safeParse({ key, type: 'filter', conditions: [] }).success).toBe(false);
    }
    expect(Step.safeParse({ key: `_${'a'.repeat(63)}`, type: 'filter', conditions: [] }).success).toBe(true);
  });

  it('rejects an unknown condition operator and an unknown onError value', () => {
    expect(Step.safeParse({ key: 'f', type: 'filter', conditions: [[{ left: 'a', op: 'like', right: 'b' }]] }).success).toBe(false);
    expect(Step.safeParse({ key: 'a', type: 'action', app: 'x', action: 'y', input: {}, onError: 'retry' }).success).toBe(false);
  });

  it('accepts a delay with a template amount or an until time, and refuses one with both', () => {
    expect(Step.safeParse({ key: 'd', type: 'delay', input: { for: { amount: '{{trigger.h}}', unit: 'hours' } } }).success).toBe(true);
    expect(Step.safeParse({ key: 'd', type: 'delay', input: { until: '2024-03-05T10:00:00Z' } }).success).toBe(true);
    expect(Step.safeParse({ key: 'd', type: 'delay', input: { for: { amount: 1, unit: 'weeks' } } }).success).toBe(false);
    expect(Step.safeParse({ key: 'd', type: 'delay', input: { for: { amount: 1, unit: 'days' }, until: 'x' } }).success).toBe(false);
  });

  it('allows nesting up to the limit and refuses one level more', () => {
    expect(ZapDefinition.safeParse(nestedLoops(ZAP_LIMITS.maxNesting)).success).toBe(true);
    const tooDeep = ZapDefinition.safeParse(nestedLoops(ZAP_LIMITS.maxNesting + 1));
    expect(tooDeep.error?.issues[0]?.message).toMatch(/nested at most 10 levels/);
  });

  it('answers a validation error, not a stack overflow, for a hostile document nested 100 000 levels deep', () => {
    const hostile = nestedLoops(100_000);
    const result = ZapDefinition.safeParse(hostile);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/nested more than 64 levels/);
    const deepInput = {
      name: 'x',
      trigger: { app: 'a', event: 'b' },
      steps: [{ key: 'a', type: 'action', app: 'x', action: 'y', input: { v: JSON.parse(`${'['.repeat(50_000)}${']'.repeat(50_000)}`) } }],
    };
    expect(ZapInput.safeParse(deepInput).success).toBe(false);
  });

  it('limits the total number of steps', () => {
    const branch = (b: number) => ({
      name: `b${b}`,
      conditions: [],
      steps: Array.from({ length: 20 }, (_, i) => ({ key: `s${b}_${i}`, type: 'code', input: { code: 'x' } })),
    });
    const zap = {
      name: 'wide',
      trigger: { app: 'a', event: 'b' },
      steps: [{ key: 'p', type: 'paths', branches: Array.from({ length: 16 }, (_, b) => branch(b)) }],
    };
    expect(ZapDefinition.safeParse(zap).error?.issues[0]?.message).toMatch(/at most 300 steps/);
  });

  it('accepts arbitrary JSON as action input, including unicode and nulls', () => {
    const step = Step.parse({ key: 'a', type: 'action', app: 'x', action: 'y', input: { 'klíč 🔑': [null, { n: 1.5, b: false }] } });
    expect(step).toMatchObject({ input: { 'klíč 🔑': [null, { n: 1.5, b: false }] } });
  });
});

describe('ZapInput', () => {
  it('defaults steps to an empty list and requires a name and a trigger', () => {
    expect(ZapInput.parse({ name: 'x', trigger: { app: 'webhooks', event: 'catch_hook' } }).steps).toEqual([]);
    expect(ZapInput.safeParse({ trigger: { app: 'webhooks', event: 'catch_hook' } }).success).toBe(false);
    expect(ZapInput.safeParse({ name: '  ', trigger: { app: 'webhooks', event: 'catch_hook' } }).success).toBe(false);
  });

  it('renders as JSON Schema for the OpenAPI document, in both input and output modes', () => {
    for (const io of ['input', 'output'] as const) {
      // As the OpenAPI plugin renders it: JsonValue's check has no JSON Schema form, so it reads as any value.
      const schema = JSON.stringify(z.toJSONSchema(ZapInput, { io, unrepresentable: 'any' }));
      expect(schema).toContain('"steps"');
      expect(schema).toContain('"matches_regex"');
    }
  });
});

describe('Zap reply', () => {
  it('describes a zap with its publication state', () => {
    const reply = {
      id: 'zap_1',
      ...ZapDefinition.parse(apiExample),
      status: 'off',
      hookUrl: 'https://example.com/hooks/catch/ws_1/abc',
      publishedVersion: null,
      draftDiffers: true,
      lastError: null,
      disabledReason: null,
      createdAt: '2024-03-05T10:00:00.000Z',
      updatedAt: '2024-03-05T10:00:00.000Z',
    };
    expect(Zap.parse(reply).status).toBe('off');
  });
});

describe('JsonValue', () => {
  it('passes JSON on as it is, a __proto__ key included (z.json() would leave it out)', () => {
    const data = JSON.parse('{"body": {"__proto__": {"x": 1}, "a": 1}}') as unknown;
    const parsed = JsonValue.parse(data);
    expect(parsed).toBe(data);
    expect(JSON.stringify(z.object({ data: JsonValue }).encode({ data: parsed }))).toBe('{"data":{"body":{"__proto__":{"x":1},"a":1}}}');
  });

  it('refuses what is not JSON', () => {
    for (const value of [undefined, Number.NaN, Number.POSITIVE_INFINITY, 1n, new Date(0), [() => 1], { a: { b: new Map() } }]) {
      expect(JsonValue.safeParse(value).success, String(value)).toBe(false);
    }
  });

  it('can bound the depth it accepts, without recursion', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(isJsonValue(deep)).toBe(true);
    expect(isJsonValue([[1]], 1)).toBe(true);
    expect(isJsonValue([[[1]]], 1)).toBe(false);
  });

  it('setOwn makes __proto__ an own key instead of the prototype', () => {
    const target: Record<string, unknown> = {};
    setOwn(target, '__proto__', { admin: true });
    setOwn(target, 'a', 1);
    expect(Object.getPrototypeOf(target)).toBe(Object.prototype);
    expect(Object.keys(target)).toEqual(['__proto__', 'a']);
  });
});
