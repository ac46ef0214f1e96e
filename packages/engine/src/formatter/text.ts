// Formatter text operations: change case, trim, replace, split, truncate, defaults and extraction.
import { z } from 'zod';
import { compileRegex, REGEX_INPUT_LIMIT } from '../conditions.ts';
import { defineFormatterAction, defineOperation, Scalar, readText, type FormatterOperation } from './operation.ts';

const value = Scalar.optional();

/** Code points, not UTF-16 units, so cutting text never splits an emoji or an accented letter. */
function codePoints(text: string): string[] {
  return Array.from(text);
}

function capitalizeWord(word: string): string {
  const [first = '', ...rest] = codePoints(word);
  return first.toLocaleUpperCase() + rest.join('');
}

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/u;
const URL_PATTERN = /\bhttps?:\/\/[^\s<>"')\]]+/i;
const NUMBER = /[-+]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?/;

const operations = [
  defineOperation({
    key: 'uppercase',
    name: 'Uppercase',
    description: 'Turns every letter into upper case.',
    required: ['value'],
    input: { value },
    run: (input) => readText(input.value).toLocaleUpperCase(),
  }),
  defineOperation({
    key: 'lowercase',
    name: 'Lowercase',
    description: 'Turns every letter into lower case.',
    required: ['value'],
    input: { value },
    run: (input) => readText(input.value).toLocaleLowerCase(),
  }),
  defineOperation({
    key: 'capitalize',
    name: 'Capitalize',
    description: 'Upper-cases the first letter of the text and leaves the rest alone.',
    required: ['value'],
    input: { value },
    run: (input) => capitalizeWord(readText(input.value)),
  }),
  defineOperation({
    key: 'titlecase',
    name: 'Title case',
    description: 'Upper-cases the first letter of every word and lower-cases the rest.',
    required: ['value'],
    input: { value },
    run: (input) =>
      readText(input.value)
        .toLocaleLowerCase()
        .replace(/(^|[\s\-_/(])(\p{L})/gu, (_match, before: string, letter: string) => before + letter.toLocaleUpperCase()),
  }),
  defineOperation({
    key: 'trim',
    name: 'Trim whitespace',
    description: 'Removes spaces and line breaks at both ends.',
    required: ['value'],
    input: { value },
    run: (input) => readText(input.value).trim(),
  }),
  defineOperation({
    key: 'replace',
    name: 'Replace',
    description: 'Replaces text: every occurrence unless `all` is false. The search is literal, not a pattern.',
    required: ['value', 'find'],
    input: { value, find: z.string().min(1), replace: Scalar.optional(), all: z.boolean().optional() },
    run: (input) => {
      const text = readText(input.value);
      const replacement = readText(input.replace);
      return input.all === false ? text.replace(input.find, () => replacement) : text.split(input.find).join(replacement);
    },
  }),
  defineOperation({
    key: 'split',
    name: 'Split text',
    description: 'Splits text on a separator (default ","). With `index`, returns that segment (negative counts from the end); otherwise all of them.',
    required: ['value'],
    input: { value, separator: z.string().optional(), index: z.number().int().optional(), trim: z.boolean().optional() },
    run: (input) => {
      const text = readText(input.value);
      const separator = input.separator ?? ',';
      const parts = separator === '' ? codePoints(text) : text.split(separator);
      const segments = input.trim === false ? parts : parts.map((part) => part.trim());
      if (input.index === undefined) return segments;
      return segments.at(input.index) ?? '';
    },
  }),
  defineOperation({
    key: 'truncate',
    name: 'Truncate',
    description: 'Shortens text to at most `maxLength` characters, the optional `suffix` (such as "…") included.',
    required: ['value', 'maxLength'],
    input: { value, maxLength: z.number().int().nonnegative(), suffix: z.string().optional() },
    run: (input) => {
      const chars = codePoints(readText(input.value));
      if (chars.length <= input.maxLength) return chars.join('');
      const suffix = codePoints(input.suffix ?? '');
      const keep = Math.max(0, input.maxLength - suffix.length);
      return [...chars.slice(0, keep), ...suffix].slice(0, input.maxLength).join('');
    },
  }),
  defineOperation({
    key: 'default_value',
    name: 'Default value',
    description: 'Returns the value, or `default` when the value is missing or blank.',
    required: ['default'],
    input: { value, default: Scalar },
    run: (input) => (input.value === undefined || input.value === null || readText(input.value).trim() === '' ? input.default : input.value),
  }),
  defineOperation({
    key: 'extract_email',
    name: 'Extract email address',
    description: 'Finds the first email address in the text ("" when there is none).',
    required: ['value'],
    input: { value },
    run: (input) => EMAIL.exec(readText(input.value))?.[0] ?? '',
  }),
  defineOperation({
    key: 'extract_number',
    name: 'Extract number',
    description: 'Finds the first number in the text, thousands commas allowed (null when there is none).',
    required: ['value'],
    input: { value },
    run: (input) => {
      const match = NUMBER.exec(readText(input.value));
      return match ? Number(match[0].replace(/,/g, '')) : null;
    },
  }),
  defineOperation({
    key: 'extract_url',
    name: 'Extract URL',
    description: 'Finds the first http or https URL in the text ("" when there is none).',
    required: ['value'],
    input: { value },
    run: (input) => URL_PATTERN.exec(readText(input.value))?.[0]?.replace(/[.,;:!?]+$/, '') ?? '',
  }),
  defineOperation({
    key: 'extract_pattern',
    name: 'Extract pattern',
    description: 'Matches a regular expression (bare or /pattern/flags) against the text; returns the match and its groups.',
    required: ['value', 'pattern'],
    input: { value, pattern: z.string().min(1) },
    run: (input) => {
      const found = compileRegex(input.pattern).exec(readText(input.value).slice(0, REGEX_INPUT_LIMIT));
      return found ?? { match: null, groups: [], named: {} };
    },
  }),
  defineOperation({
    key: 'length',
    name: 'Length',
    description: 'Counts the characters in the text.',
    required: ['value'],
    input: { value },
    run: (input) => codePoints(readText(input.value)).length,
  }),
  defineOperation({
    key: 'url_encode',
    name: 'URL-encode',
    description: 'Encodes text for use in a URL query value.',
    required: ['value'],
    input: { value },
    run: (input) => encodeURIComponent(readText(input.value)),
  }),
  defineOperation({
    key: 'url_decode',
    name: 'URL-decode',
    description: 'Decodes a URL-encoded value ("+" read as a space).',
    required: ['value'],
    input: { value },
    run: (input) => {
      const text = readText(input.value).replace(/\+/g, ' ');
      try {
        return decodeURIComponent(text);
      } catch {
        return text;
      }
    },
  }),
] as const satisfies readonly FormatterOperation[];

export const textAction = defineFormatterAction({
  key: 'text',
  name: 'Text',
  description: 'Transforms text: case, whitespace, replace, split, truncate, defaults, extraction.',
  operations,
  sample: { output: 'Hello World' },
  outputFields: [{ key: 'output', label: 'Formatted text', type: 'string' }],
});
