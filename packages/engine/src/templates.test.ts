import { describe, expect, it } from 'vitest';
import { TEMPLATE_CASES } from '@switchyard/contracts/template-cases';
import { listReferences, parseTemplate, render, renderString, type StepState, type TemplateContext } from './templates.ts';

function contextOf(trigger: unknown, steps: Record<string, StepState> = {}): TemplateContext {
  return { trigger, step: (key) => steps[key] };
}

const ok = (output: unknown): StepState => ({ status: 'success', output, error: null });

describe('template references', () => {
  const context = contextOf(
    {
      title: 'Printer on fire',
      priority: 3,
      open: true,
      nothing: null,
      contact: { name: 'Ana', emails: ['ana@example.com', 'ana@work.example'] },
      matrix: [
        [1, 2],
        [3, [4, 5]],
      ],
      'first name': 'Jo',
      'dotted.key': 'd',
      'Žluťoučký kůň': 'úpěl',
      日本: { 東京: '🗼' },
      lines: [
        { sku: 'A-1', qty: 2 },
        { sku: 'B-2', qty: 1 },
      ],
    },
    { shape: ok({ title: 'PRINTER', tags: ['x', 'y'] }), list: ok([{ id: 7 }, { id: 8 }]) },
  );

  it('follows dotted paths into the trigger data', () => {
    expect(render('{{trigger.contact.name}}', context).value).toBe('Ana');
  });

  it('follows [n] indexes, including after dots and on nested arrays', () => {
    expect(render('{{trigger.contact.emails[1]}}', context).value).toBe('ana@work.example');
    expect(render('{{trigger.matrix[1][1][0]}}', context).value).toBe(4);
    expect(render('{{trigger.lines[1].sku}}', context).value).toBe('B-2');
  });

  it('reads a numeric dotted segment as an array index', () => {
    expect(render('{{trigger.lines.0.qty}}', context).value).toBe(2);
  });

  it('counts negative indexes from the end', () => {
    expect(render('{{trigger.contact.emails[-1]}}', context).value).toBe('ana@work.example');
  });

  it('reads keys with inner spaces, dotted or quoted, and quoted keys holding dots', () => {
    expect(render('{{trigger["first name"]}}', context).value).toBe('Jo');
    expect(render('{{trigger.first name}}', context).value).toBe('Jo');
    expect(render("{{trigger['dotted.key']}}", context).value).toBe('d');
  });

  it('tolerates whitespace inside the braces and around separators', () => {
    expect(render('{{   trigger.contact.name }}', context).value).toBe('Ana');
    expect(render('{{ trigger . contact . emails [ 0 ] }}', context).value).toBe('ana@example.com');
  });

  it('reads unicode keys and values', () => {
    expect(render('{{trigger.Žluťoučký kůň}}', context).value).toBe('úpěl');
    expect(render('{{trigger["Žluťoučký kůň"]}}', context).value).toBe('úpěl');
    expect(render('{{trigger.日本.東京}} tower', context).value).toBe('🗼 tower');
  });

  it('reads step outputs by key, including an array output indexed straight after the key', () => {
    expect(render('{{steps.shape.title}}', context).value).toBe('PRINTER');
    expect(render('{{steps.list[1].id}}', context).value).toBe(8);
  });

  it('returns a whole object or array when the template names it', () => {
    expect(render('{{trigger.contact}}', context).value).toEqual({ name: 'Ana', emails: ['ana@example.com', 'ana@work.example'] });
    expect(render('{{steps.shape.tags}}', context).value).toEqual(['x', 'y']);
  });
});

describe('template types and stringification', () => {
  const context = contextOf({ n: 42, yes: true, no: false, nothing: null, obj: { a: 1 }, arr: [1, 'two'], zero: 0, empty: '' });

  it('keeps the referenced value type when the value is exactly one template', () => {
    expect(render('{{trigger.n}}', context).value).toBe(42);
    expect(render('{{trigger.yes}}', context).value).toBe(true);
    expect(render('{{trigger.nothing}}', context).value).toBeNull();
    expect(render('{{trigger.zero}}', context).value).toBe(0);
  });

  it('stringifies values inside text: numbers and booleans plainly, objects and arrays as JSON, null as nothing', () => {
    expect(render('n={{trigger.n}} yes={{trigger.yes}} no={{trigger.no}}', context).value).toBe('n=42 yes=true no=false');
    expect(render('obj={{trigger.obj}} arr={{trigger.arr}}', context).value).toBe('obj={"a":1} arr=[1,"two"]');
    expect(render('[{{trigger.nothing}}]', context).value).toBe('[]');
  });

  it('treats text around a single template (even a space) as text', () => {
    expect(render(' {{trigger.n}}', context).value).toBe(' 42');
  });

  it('does not count a present null or empty string as missing', () => {
    expect(render('{{trigger.nothing}}{{trigger.empty}}', context).missing).toEqual([]);
  });

  it('renders recursively through objects and arrays and leaves non-string leaves alone', () => {
    const { value } = render({ a: '{{trigger.n}}', b: ['x {{trigger.n}}', { c: '{{trigger.obj}}' }], d: 5, e: null, f: false }, context);
    expect(value).toEqual({ a: 42, b: ['x 42', { c: { a: 1 } }], d: 5, e: null, f: false });
  });
});

describe('missing references', () => {
  const context = contextOf({ a: { b: 1 }, list: [1] }, { deal: ok({ id: 3 }) });

  it('renders a missing single template as undefined and records its path', () => {
    expect(render('{{trigger.a.c}}', context)).toEqual({ value: undefined, missing: ['trigger.a.c'] });
  });

  it('renders a missing reference inside text as empty and records it', () => {
    expect(render('Deal {{steps.deal.title}} #{{steps.deal.id}}', context)).toEqual({ value: 'Deal  #3', missing: ['steps.deal.title'] });
  });

  it('leaves out object keys whose single template is missing and keeps array positions with null', () => {
    const { value, missing } = render({ keep: '{{trigger.a.b}}', drop: '{{trigger.nope}}', list: ['{{trigger.nope}}', 'x'] }, context);
    expect(value).toEqual({ keep: 1, list: [null, 'x'] });
    expect(missing).toEqual(['trigger.nope']);
  });

  it('records an out-of-range index, an unknown step and a path through a scalar as missing, in normalised form', () => {
    const { missing } = render(['{{ trigger.list[5] }}', '{{steps.ghost.id}}', '{{trigger.a.b.c}}', '{{trigger["list"][2]}}'], context);
    expect(missing).toEqual(['trigger.list[5]', 'steps.ghost.id', 'trigger.a.b.c', 'trigger.list[2]']);
  });

  it('does not resolve inherited properties such as constructor or __proto__', () => {
    expect(render('{{trigger.a.constructor}}', context).missing).toEqual(['trigger.a.constructor']);
    expect(render('{{trigger.__proto__}}', context).missing).toEqual(['trigger.__proto__']);
  });
});

describe('a __proto__ key in the data (JSON.parse makes it an own key)', () => {
  const body = JSON.parse('{"__proto__": {"x": 1}, "a": 1}') as Record<string, unknown>;
  const context = contextOf({ body });

  it('resolves as an ordinary key, never as the prototype', () => {
    expect(render('{{trigger.body.__proto__.x}}', context)).toEqual({ value: 1, missing: [] });
    expect(render('x={{trigger.body.__proto__}}', context).value).toBe('x={"x":1}');
  });

  it('stays an own key of a rendered object, and the object keeps its prototype', () => {
    const input = JSON.parse('{"__proto__": "{{trigger.body.a}}", "whole": "{{trigger.body}}"}') as unknown;
    const rendered = render(input, context).value as Record<string, unknown>;
    expect(Object.getPrototypeOf(rendered)).toBe(Object.prototype);
    expect(Object.hasOwn(rendered, '__proto__')).toBe(true);
    expect(JSON.stringify(rendered)).toBe('{"__proto__":1,"whole":{"__proto__":{"x":1},"a":1}}');
  });
});

describe('$status and $error', () => {
  const context = contextOf(
    {},
    {
      deal: { status: 'error', output: null, error: 'Pipedrive said: title is required' },
      shape: ok('just a string'),
      later: { status: 'skipped', output: null, error: null },
    },
  );

  it('exposes the status and error of a step whatever its output', () => {
    expect(render('{{steps.deal.$status}}', context).value).toBe('error');
    expect(render('{{steps.deal.$error}}', context).value).toBe('Pipedrive said: title is required');
    expect(render('{{steps.shape.$status}}', context).value).toBe('success');
    expect(render('{{steps.later.$status}}', context).value).toBe('skipped');
  });

  it('gives a null $error (not missing) for a step that did not fail', () => {
    expect(render('{{steps.shape.$error}}', context)).toEqual({ value: null, missing: [] });
    expect(render('error: {{steps.shape.$error}}', context).value).toBe('error: ');
  });
});

describe('the shared grammar cases', () => {
  const empty = contextOf(undefined);

  it.each(TEMPLATE_CASES)('lists the references and malformed references of $name', ({ source, parts, malformed }) => {
    const refs = parts.flatMap((part) => (typeof part === 'string' ? [] : [{ at: [], ref: { root: part.root, path: part.path, text: part.text } }]));
    expect(listReferences(source)).toEqual([...refs, ...malformed.map((bad) => ({ at: [], malformed: bad }))]);
  });

  it.each(TEMPLATE_CASES)('renders the text of $name literally and reports its references as missing', ({ source, parts }) => {
    const texts = parts.flatMap((part) => (typeof part === 'string' ? [part] : []));
    const refs = parts.flatMap((part) => (typeof part === 'string' ? [] : [part.text]));
    const single = parts.length === 1 && refs.length === 1;
    expect(render(source, empty)).toEqual({ value: single ? undefined : texts.join(''), missing: [...new Set(refs)] });
  });
});

describe('template performance and safety', () => {
  it('returns a 1 MB string without templates unchanged', () => {
    const big = 'x'.repeat(1024 * 1024);
    expect(render(big, contextOf({})).value).toBe(big);
  });

  it('fills a template inside a 1 MB string and passes a 1 MB value through by reference', () => {
    const big = 'y'.repeat(1024 * 1024);
    const context = contextOf({ big });
    expect(render('{{trigger.big}}', context).value).toBe(big);
    const rendered = renderString(`${big}{{trigger.big}}`, context, []);
    expect(typeof rendered === 'string' && rendered.length).toBe(2 * 1024 * 1024);
  });

  it('parses a hostile run of opening braces in linear time', () => {
    const hostile = `${'{{'.repeat(200_000)}}}`;
    const started = performance.now();
    render(hostile, contextOf({}));
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('returns the same parse for a repeated template (cached)', () => {
    expect(parseTemplate('a {{trigger.x}} b')).toEqual(parseTemplate('a {{trigger.x}} b'));
    expect(parseTemplate('{{trigger.x}}').single?.text).toBe('trigger.x');
  });
});

describe('listReferences', () => {
  it('lists every reference with where it sits in the value, and malformed ones', () => {
    const found = listReferences({ title: 'Deal {{steps.shape.title}}', items: [{ v: '{{trigger.a[0]}}' }], n: 3, bad: '{{steps.}}' });
    expect(found).toEqual([
      { at: ['title'], ref: { root: 'steps', path: ['shape', 'title'], text: 'steps.shape.title' } },
      { at: ['items', 0, 'v'], ref: { root: 'trigger', path: ['a', 0], text: 'trigger.a[0]' } },
      { at: ['bad'], malformed: '{{steps.}}' },
    ]);
  });
});
