// Test table for the template grammar: the contracts, engine and web tests each run it, so every reader of templates agrees. Tests only.
import type { PathSegment, TemplateRoot } from './templates.ts';

/** A reference as a case expects it: `raw` is its source text, `text` its normalised form. */
export type ExpectedRef = { raw: string; root: TemplateRoot; path: PathSegment[]; text: string };

export type TemplateCase = {
  name: string;
  source: string;
  /** The expected parse, in order: literal text as strings, references as objects. */
  parts: Array<string | ExpectedRef>;
  /** Malformed references: text that starts like a reference but does not parse, and so stays literal. */
  malformed: string[];
};

const longName = 'a'.repeat(1_000);

export const TEMPLATE_CASES: readonly TemplateCase[] = [
  { name: 'text without braces', source: 'Hello there', parts: ['Hello there'], malformed: [] },
  {
    name: 'references between text, with and without spaces inside the braces',
    source: 'Hello {{trigger.body.name}}, deal {{ steps.deal.id }}!',
    parts: [
      'Hello ',
      { raw: '{{trigger.body.name}}', root: 'trigger', path: ['body', 'name'], text: 'trigger.body.name' },
      ', deal ',
      { raw: '{{ steps.deal.id }}', root: 'steps', path: ['deal', 'id'], text: 'steps.deal.id' },
      '!',
    ],
    malformed: [],
  },
  {
    name: 'adjacent references',
    source: '{{trigger.a}}{{steps.s.b}}',
    parts: [
      { raw: '{{trigger.a}}', root: 'trigger', path: ['a'], text: 'trigger.a' },
      { raw: '{{steps.s.b}}', root: 'steps', path: ['s', 'b'], text: 'steps.s.b' },
    ],
    malformed: [],
  },
  {
    name: 'the whole trigger, and a whole step output',
    source: '{{trigger}} {{steps.shape}}',
    parts: [
      { raw: '{{trigger}}', root: 'trigger', path: [], text: 'trigger' },
      ' ',
      { raw: '{{steps.shape}}', root: 'steps', path: ['shape'], text: 'steps.shape' },
    ],
    malformed: [],
  },
  {
    name: 'spaces and newlines around the root, dots and brackets',
    source: '{{ trigger . contact . emails [ 0 ] }} {{\n  trigger.name\n}}',
    parts: [
      { raw: '{{ trigger . contact . emails [ 0 ] }}', root: 'trigger', path: ['contact', 'emails', 0], text: 'trigger.contact.emails[0]' },
      ' ',
      { raw: '{{\n  trigger.name\n}}', root: 'trigger', path: ['name'], text: 'trigger.name' },
    ],
    malformed: [],
  },
  {
    name: 'a name with inner spaces',
    source: '{{trigger.first name}}',
    parts: [{ raw: '{{trigger.first name}}', root: 'trigger', path: ['first name'], text: 'trigger["first name"]' }],
    malformed: [],
  },
  {
    name: 'quoted keys in double or single quotes, holding dots, brackets and escaped quotes',
    source: `{{trigger["first name"]}} {{trigger['dotted.key']}} {{trigger["a]b"]}} {{trigger["say \\"hi\\""]}}`,
    parts: [
      { raw: '{{trigger["first name"]}}', root: 'trigger', path: ['first name'], text: 'trigger["first name"]' },
      ' ',
      { raw: "{{trigger['dotted.key']}}", root: 'trigger', path: ['dotted.key'], text: 'trigger["dotted.key"]' },
      ' ',
      { raw: '{{trigger["a]b"]}}', root: 'trigger', path: ['a]b'], text: 'trigger["a]b"]' },
      ' ',
      { raw: '{{trigger["say \\"hi\\""]}}', root: 'trigger', path: ['say "hi"'], text: 'trigger["say \\"hi\\""]' },
    ],
    malformed: [],
  },
  {
    name: 'indexes: after dots, chained, negative, and a numeric dotted name read as an index',
    source: '{{trigger.lines[1].sku}} {{trigger.matrix[1][1][0]}} {{trigger.emails[-1]}} {{trigger.lines.0.qty}}',
    parts: [
      { raw: '{{trigger.lines[1].sku}}', root: 'trigger', path: ['lines', 1, 'sku'], text: 'trigger.lines[1].sku' },
      ' ',
      { raw: '{{trigger.matrix[1][1][0]}}', root: 'trigger', path: ['matrix', 1, 1, 0], text: 'trigger.matrix[1][1][0]' },
      ' ',
      { raw: '{{trigger.emails[-1]}}', root: 'trigger', path: ['emails', -1], text: 'trigger.emails[-1]' },
      ' ',
      { raw: '{{trigger.lines.0.qty}}', root: 'trigger', path: ['lines', 0, 'qty'], text: 'trigger.lines[0].qty' },
    ],
    malformed: [],
  },
  {
    name: 'a step output indexed straight after the key, and $status',
    source: '{{steps.list[1].id}} {{steps.deal.$status}}',
    parts: [
      { raw: '{{steps.list[1].id}}', root: 'steps', path: ['list', 1, 'id'], text: 'steps.list[1].id' },
      ' ',
      { raw: '{{steps.deal.$status}}', root: 'steps', path: ['deal', '$status'], text: 'steps.deal.$status' },
    ],
    malformed: [],
  },
  {
    name: 'unicode names',
    source: '{{trigger.日本.東京}} tower {{trigger.Žluťoučký kůň}}',
    parts: [
      { raw: '{{trigger.日本.東京}}', root: 'trigger', path: ['日本', '東京'], text: 'trigger.日本.東京' },
      ' tower ',
      { raw: '{{trigger.Žluťoučký kůň}}', root: 'trigger', path: ['Žluťoučký kůň'], text: 'trigger["Žluťoučký kůň"]' },
    ],
    malformed: [],
  },
  {
    name: 'braces that do not hold a trigger or steps reference stay text',
    source: 'Hello {{name}} and {{foo}} and {{ }} and {{}} and {{ nothing.here }} and {{triggers.a}} and {x}',
    parts: ['Hello {{name}} and {{foo}} and {{ }} and {{}} and {{ nothing.here }} and {{triggers.a}} and {x}'],
    malformed: [],
  },
  {
    name: 'malformed references stay text and are reported',
    source: '{{steps}} {{trigger.}} {{steps[0]}} {{trigger[x]}} {{trigger..a}} {{steps.}} {{trigger["open]}} {{ trigger x }}',
    parts: ['{{steps}} {{trigger.}} {{steps[0]}} {{trigger[x]}} {{trigger..a}} {{steps.}} {{trigger["open]}} {{ trigger x }}'],
    malformed: ['{{steps}}', '{{trigger.}}', '{{steps[0]}}', '{{trigger[x]}}', '{{trigger..a}}', '{{steps.}}', '{{trigger["open]}}'],
  },
  {
    name: 'triple braces: the reference is the inner pair',
    source: '{{{trigger.a}}}',
    parts: ['{', { raw: '{{trigger.a}}', root: 'trigger', path: ['a'], text: 'trigger.a' }, '}'],
    malformed: [],
  },
  {
    name: 'a reference inside another pair of braces',
    source: '{{ {{trigger.a}} }}',
    parts: ['{{ ', { raw: '{{trigger.a}}', root: 'trigger', path: ['a'], text: 'trigger.a' }, ' }}'],
    malformed: [],
  },
  {
    name: 'a single closing brace inside a name belongs to the name',
    source: '{{trigger.a}b}}',
    parts: [{ raw: '{{trigger.a}b}}', root: 'trigger', path: ['a}b'], text: 'trigger["a}b"]' }],
    malformed: [],
  },
  {
    name: 'an opening brace inside the braces, even in a quoted key, means no reference',
    source: '{{trigger["{x}"]}}',
    parts: ['{{trigger["{x}"]}}'],
    malformed: [],
  },
  { name: 'an unterminated reference stays text', source: 'x {{trigger.a', parts: ['x {{trigger.a'], malformed: [] },
  {
    name: 'a reference longer than 1,000 characters inside the braces stays text',
    source: `{{trigger.${longName}}} {{trigger.${longName.slice(8)}}}`,
    parts: [
      `{{trigger.${longName}}} `,
      { raw: `{{trigger.${longName.slice(8)}}}`, root: 'trigger', path: [longName.slice(8)], text: `trigger.${longName.slice(8)}` },
    ],
    malformed: [],
  },
];
