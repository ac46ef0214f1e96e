import { describe, expect, it } from 'vitest';
import { validateZap, type ZapCatalog } from './validate.ts';

const catalog: ZapCatalog = {
  getTrigger: (app, event) => {
    if (app === 'daktela' && event === 'new_ticket') return { requiredInputs: [], needsConnection: true };
    if (app === 'webhooks' && event === 'catch_hook') return { requiredInputs: [] };
    if (app === 'schedule' && event === 'every') return { requiredInputs: ['cron'] };
    return undefined;
  },
  getAction: (app, action) => {
    if (app === 'pipedrive' && action === 'create_deal') return { requiredInputs: ['title'], needsConnection: true };
    if (app === 'http' && action === 'request') return { requiredInputs: ['url', 'method'] };
    return undefined;
  },
  hasApp: (app) => ['daktela', 'webhooks', 'schedule', 'pipedrive', 'http'].includes(app),
  checkConnection: (app, connectionId) =>
    connectionId === 'c_daktela' && app !== 'daktela' ? `Connection ${connectionId} belongs to daktela, not ${app}` : null,
};

const hook = { app: 'webhooks', event: 'catch_hook' };

function zap(steps: unknown[], trigger: unknown = hook) {
  return { name: 'z', trigger, steps };
}

describe('validateZap', () => {
  it('accepts the example zap of the API contract', () => {
    const problems = validateZap(
      {
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
            onError: 'continue',
            input: { title: '{{steps.shape.title}}', value: 100 },
          },
          {
            key: 'route',
            type: 'paths',
            branches: [
              {
                name: 'failed',
                conditions: [[{ left: '{{steps.deal.$status}}', op: 'equals', right: 'error' }]],
                steps: [
                  {
                    key: 'warn',
                    type: 'action',
                    app: 'http',
                    action: 'request',
                    input: { url: 'https://chat.example/hook', method: 'POST', body: '{{steps.deal.$error}}' },
                  },
                ],
              },
              { name: 'otherwise', conditions: [], steps: [] },
            ],
          },
        ],
      },
      catalog,
    );
    expect(problems).toEqual([]);
  });

  it('lists several problems at once, each with a path into the document and the step key', () => {
    const problems = validateZap(
      zap([
        { key: 'deal', type: 'action', app: 'pipedrive', action: 'create_deal', input: { title: ' ' } },
        { key: 'deal', type: 'code', input: { code: '' } },
        { key: 'ghost', type: 'action', app: 'nowhere', action: 'do', input: {} },
        { key: 'typo', type: 'action', app: 'pipedrive', action: 'create_dael', connectionId: 'c_2', input: {} },
        { key: 'wait', type: 'delay', input: {} },
        {
          key: 'f',
          type: 'filter',
          conditions: [
            [
              { left: '{{trigger.x}}', op: 'matches_regex', right: '([a-z' },
              { left: '{{steps.later.id}}', op: 'exists' },
            ],
          ],
        },
        { key: 'later', type: 'action', app: 'http', action: 'request', connectionId: 'c_daktela', input: { url: '{{steps.nobody.url}}' } },
      ]),
      catalog,
    );
    expect(problems.map(({ stepKey, path, code }) => ({ stepKey, path, code }))).toEqual([
      { stepKey: 'deal', path: 'steps[1].key', code: 'duplicate_key' },
      { stepKey: 'deal', path: 'steps[0].input.title', code: 'missing_input' },
      { stepKey: 'deal', path: 'steps[0].connectionId', code: 'missing_connection' },
      { stepKey: 'deal', path: 'steps[1].input.code', code: 'missing_code' },
      { stepKey: 'ghost', path: 'steps[2].app', code: 'unknown_app' },
      { stepKey: 'typo', path: 'steps[3].action', code: 'unknown_action' },
      { stepKey: 'wait', path: 'steps[4].input', code: 'missing_delay' },
      { stepKey: 'f', path: 'steps[5].conditions[0][1].left', code: 'bad_reference' },
      { stepKey: 'f', path: 'steps[5].conditions[0][0].right', code: 'invalid_regex' },
      { stepKey: 'later', path: 'steps[6].input.url', code: 'bad_reference' },
      { stepKey: 'later', path: 'steps[6].input.method', code: 'missing_input' },
      { stepKey: 'later', path: 'steps[6].connectionId', code: 'bad_connection' },
    ]);
    expect(problems.find((problem) => problem.path === 'steps[5].conditions[0][1].left')?.message).toBe(
      'Step "later" runs after "f", so its output is not available yet (in {{steps.later.id}})',
    );
    expect(problems.find((problem) => problem.path === 'steps[6].input.url')?.message).toBe('There is no step "nobody" (in {{steps.nobody.url}})');
    expect(problems.find((problem) => problem.code === 'bad_connection')?.message).toBe('Connection c_daktela belongs to daktela, not http');
  });

  it('reports an unknown trigger event, a missing trigger input and a missing trigger connection', () => {
    expect(validateZap(zap([], { app: 'daktela', event: 'new_tikcet' }), catalog)).toEqual([
      { path: 'trigger.event', code: 'unknown_trigger', message: 'App "daktela" has no trigger "new_tikcet"' },
    ]);
    expect(validateZap(zap([], { app: 'schedule', event: 'every', input: { cron: '' } }), catalog).map((problem) => problem.path)).toEqual([
      'trigger.input.cron',
    ]);
    expect(validateZap(zap([], { app: 'daktela', event: 'new_ticket' }), catalog).map((problem) => problem.code)).toEqual(['missing_connection']);
    expect(validateZap(zap([], { app: 'zendesk', event: 'x' }), catalog).map((problem) => problem.code)).toEqual(['unknown_app']);
  });

  it('reports what a trigger input’s own schema refuses, located under trigger.input', () => {
    const checked: ZapCatalog = {
      ...catalog,
      getTrigger: () => ({
        requiredInputs: [],
        inputProblems: (input) => (input.cron === '0 25 * * *' ? [{ path: ['cron'], message: 'Invalid value for hour: 25' }] : []),
      }),
    };
    expect(validateZap(zap([], { app: 'schedule', event: 'every', input: { cron: '0 25 * * *' } }), checked)).toEqual([
      { path: 'trigger.input.cron', code: 'invalid_input', message: 'Invalid value for hour: 25' },
    ]);
    expect(validateZap(zap([], { app: 'schedule', event: 'every', input: { cron: '0 9 * * *' } }), checked)).toEqual([]);
  });

  it('refuses references to a sibling branch, to the step itself and into a loop from outside it', () => {
    const problems = validateZap(
      zap([
        {
          key: 'route',
          type: 'paths',
          branches: [
            { name: 'a', conditions: [], steps: [{ key: 'in_a', type: 'code', input: { code: 'x' } }] },
            {
              name: 'b',
              conditions: [[{ left: '{{steps.route.branch}}', op: 'exists' }]],
              steps: [{ key: 'in_b', type: 'code', input: { code: 'x', inputData: { v: '{{steps.in_a.v}}', own: '{{steps.in_b.v}}' } } }],
            },
          ],
        },
        {
          key: 'each',
          type: 'loop',
          input: { items: '{{steps.each.items}}' },
          steps: [{ key: 'inner', type: 'code', input: { code: 'x', inputData: { item: '{{steps.each.item}}', a: '{{steps.in_a.v}}' } } }],
        },
        {
          key: 'after',
          type: 'code',
          input: { code: 'x', inputData: { v: '{{steps.inner.v}}', ok: '{{steps.each.results}}', fromBranch: '{{steps.in_b.v}}' } },
        },
      ]),
      catalog,
    );
    expect(problems.map(({ path, message }) => ({ path, message }))).toEqual([
      { path: 'steps[0].branches[1].conditions[0][0].left', message: 'Step "route" cannot use its own output (in {{steps.route.branch}})' },
      {
        path: 'steps[0].branches[1].steps[0].input.inputData.v',
        message: 'Step "in_a" is in another branch of "route", which never runs together with this one (in {{steps.in_a.v}})',
      },
      { path: 'steps[0].branches[1].steps[0].input.inputData.own', message: 'Step "in_b" cannot use its own output (in {{steps.in_b.v}})' },
      { path: 'steps[1].input.items', message: 'Step "each" cannot use its own output (in {{steps.each.items}})' },
      {
        path: 'steps[2].input.inputData.v',
        message: 'Step "inner" runs inside loop "each"; outside the loop read its results from {{steps.each.results}} (in {{steps.inner.v}})',
      },
    ]);
  });

  it('checks formatter actions, operations and their required inputs without a catalog entry', () => {
    const problems = validateZap(
      zap([
        { key: 'f1', type: 'action', app: 'formatter', action: 'text', input: { operation: 'truncate', value: 'x' } },
        { key: 'f2', type: 'action', app: 'formatter', action: 'text', input: { operation: 'shout' } },
        { key: 'f3', type: 'action', app: 'formatter', action: 'colour', input: {} },
        { key: 'f4', type: 'action', app: 'formatter', action: 'text', input: { operation: 'extract_pattern', value: 'x', pattern: '(?=a)b' } },
        { key: 'f5', type: 'action', app: 'formatter', action: 'date', input: { operation: 'format', value: '{{trigger.at}}', format: 'YYYY' } },
      ]),
      catalog,
    );
    expect(problems.map(({ path, code }) => ({ path, code }))).toEqual([
      { path: 'steps[0].input.maxLength', code: 'missing_input' },
      { path: 'steps[1].input.operation', code: 'unknown_operation' },
      { path: 'steps[2].action', code: 'unknown_action' },
      { path: 'steps[3].input.pattern', code: 'invalid_regex' },
    ]);
    expect(problems[1]?.message).toMatch(/^Formatter text has no operation "shout" \(known: uppercase, lowercase, /);
    expect(problems[2]?.message).toBe('Formatter has no action "colour" (use text, number or date)');
  });

  it('checks loop items, delay amounts and times, duplicate branch names and malformed references', () => {
    const problems = validateZap(
      zap([
        { key: 'each', type: 'loop', input: { items: '' }, steps: [] },
        { key: 'w1', type: 'delay', input: { for: { amount: 'soon', unit: 'hours' } } },
        { key: 'w2', type: 'delay', input: { until: 'whenever' } },
        {
          key: 'p',
          type: 'paths',
          branches: [
            { name: 'x', conditions: [], steps: [] },
            { name: 'x', conditions: [], steps: [] },
          ],
        },
        { key: 'c', type: 'code', input: { code: 'x', inputData: { v: '{{steps.}}' } } },
        { key: 'w3', type: 'delay', input: { until: '2024-03-06 09:00', timeZone: 'Mars/Olympus' } },
      ]),
      catalog,
    );
    expect(problems.map(({ path, code }) => ({ path, code }))).toEqual([
      { path: 'steps[3].branches[1].name', code: 'duplicate_branch' },
      { path: 'steps[0].input.items', code: 'missing_input' },
      { path: 'steps[1].input.for.amount', code: 'invalid_delay' },
      { path: 'steps[2].input.until', code: 'invalid_delay' },
      { path: 'steps[4].input.inputData.v', code: 'bad_reference' },
      { path: 'steps[5].input.timeZone', code: 'invalid_delay' },
    ]);
  });

  it('reports schema problems (an unknown step type, a bad key) with their paths and step keys', () => {
    const problems = validateZap(
      zap([
        { key: 'ok', type: 'code', input: { code: 'x' } },
        { key: 'weird', type: 'teleport' },
        { key: '1bad', type: 'filter', conditions: [] },
      ]),
      catalog,
    );
    expect(problems.map(({ stepKey, path, code }) => ({ stepKey, path, code }))).toEqual([
      { stepKey: 'weird', path: 'steps[1].type', code: 'invalid_schema' },
      { stepKey: '1bad', path: 'steps[2].key', code: 'invalid_schema' },
    ]);
  });

  it('refuses a steps reference in the trigger input', () => {
    expect(validateZap(zap([], { ...hook, input: { x: '{{steps.a.b}}' } }), catalog)).toEqual([
      { path: 'trigger.input.x', code: 'bad_reference', message: 'The trigger cannot use step outputs (in {{steps.a.b}})' },
    ]);
  });
});
