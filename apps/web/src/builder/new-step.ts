// The documents of new steps: a valid draft of each kind, with a readable unique key.
import type { Step } from '@switchyard/contracts';
import { newPathsBranch, uniqueKey } from './draft.ts';

export type NewStepKind = 'action' | 'http' | 'formatter' | 'code' | 'filter' | 'paths' | 'delay' | 'loop';

export const NEW_STEP_KINDS: ReadonlyArray<{ kind: NewStepKind; name: string; description: string }> = [
  { kind: 'action', name: 'Action in an app', description: 'Create or update something in Pipedrive, Daktela, Twenty, HelpCrunch or CINNOX.' },
  { kind: 'http', name: 'HTTP request', description: 'Call any web API that no app covers.' },
  { kind: 'formatter', name: 'Formatter', description: 'Change text, numbers and dates between steps.' },
  { kind: 'code', name: 'Code', description: 'Run JavaScript on the data and return new fields.' },
  { kind: 'filter', name: 'Filter', description: 'Continue only when the data passes your rules.' },
  { kind: 'paths', name: 'Paths', description: 'Run different steps depending on rules.' },
  { kind: 'delay', name: 'Delay', description: 'Wait for a while, or until a time, before going on.' },
  { kind: 'loop', name: 'Loop', description: 'Run steps once for each item of a list.' },
];

export const DEFAULT_CODE = `// \`input\` holds the input data above, e.g. input.name.
// Return an object: later steps can use each of its fields.
return {
  greeting: \`Hello, \${input.name ?? 'world'}!\`,
};
`;

export function newStep(kind: NewStepKind, existing: readonly Step[], choice?: { app: string; action: string }): Step {
  switch (kind) {
    case 'action':
      return {
        key: uniqueKey(choice?.action ?? 'action', existing),
        type: 'action',
        app: choice?.app ?? '',
        action: choice?.action ?? '',
        input: {},
        onError: 'halt',
      };
    case 'http':
      return { key: uniqueKey('http', existing), type: 'action', app: 'http', action: choice?.action ?? 'request', input: { method: 'GET' }, onError: 'halt' };
    case 'formatter':
      return {
        key: uniqueKey(`format_${choice?.action ?? 'text'}`, existing),
        type: 'action',
        app: 'formatter',
        action: choice?.action ?? 'text',
        input: {},
        onError: 'halt',
      };
    case 'code':
      return { key: uniqueKey('code', existing), type: 'code', input: { code: DEFAULT_CODE, inputData: {} }, onError: 'halt' };
    case 'filter':
      return { key: uniqueKey('filter', existing), type: 'filter', conditions: [[{ left: '', op: 'equals', right: '' }]] };
    case 'paths':
      return { key: uniqueKey('paths', existing), type: 'paths', branches: [newPathsBranch('Path A'), { name: 'Otherwise', conditions: [], steps: [] }] };
    case 'delay':
      return { key: uniqueKey('delay', existing), type: 'delay', input: { for: { amount: 5, unit: 'minutes' } } };
    case 'loop':
      return { key: uniqueKey('loop', existing), type: 'loop', input: { items: '' }, steps: [] };
  }
}
