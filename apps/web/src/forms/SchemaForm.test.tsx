// Tests of the schema-driven form: every control comes from the app's JSON Schema, values keep their JSON types.
import { useState } from 'react';
import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { FieldProblems } from '../builder/problems.ts';
import { stubFetch } from '../test/fetch-stub.ts';
import { renderWithClient } from '../test/render.tsx';
import { SchemaForm, type OptionsSource } from './SchemaForm.tsx';
import type { JsonSchema } from './schema.ts';
import { describeFields, discriminatedUnion, fieldKind } from './schema.ts';

const createDeal: JsonSchema = {
  type: 'object',
  properties: {
    title: { type: 'string', title: 'Title' },
    value: { type: 'number', title: 'Value', description: 'In the deal currency.' },
    status: { type: 'string', title: 'Status', enum: ['open', 'won', 'lost'], default: 'open' },
    pipeline_id: { type: 'integer', title: 'Pipeline', dynamicOptions: true },
    notify: { type: 'boolean', title: 'Notify the owner' },
    headers: { type: 'object', title: 'Headers', propertyNames: { type: 'string' }, additionalProperties: { type: 'string' } },
    label_ids: { type: 'array', title: 'Label ids', items: { type: 'integer' } },
    note: { type: 'string', title: 'Note' },
  },
  required: ['title'],
};

const textFormatter: JsonSchema = {
  oneOf: [
    {
      type: 'object',
      properties: { operation: { type: 'string', const: 'uppercase' }, value: { type: ['string', 'number', 'boolean', 'null'] } },
      required: ['operation'],
    },
    {
      type: 'object',
      properties: {
        operation: { type: 'string', const: 'replace' },
        value: { type: ['string', 'number', 'boolean', 'null'] },
        find: { type: 'string' },
        all: { type: 'boolean' },
      },
      required: ['operation', 'find'],
    },
  ],
};

function Harness({
  schema,
  initial = {},
  problems,
  options,
}: {
  schema: JsonSchema;
  initial?: Record<string, unknown>;
  problems?: FieldProblems;
  options?: OptionsSource;
}) {
  const [value, setValue] = useState(initial);
  return (
    <>
      <SchemaForm schema={schema} value={value} onChange={setValue} problems={problems} options={options} />
      <output data-testid="value">{JSON.stringify(value)}</output>
    </>
  );
}

const valueNow = (): unknown => JSON.parse(screen.getByTestId('value').textContent ?? '{}');

function type(box: HTMLElement, text: string) {
  box.textContent = text;
  fireEvent.input(box);
}

const pipedrive = (connectionId?: string): OptionsSource => ({
  workspaceId: 'ws_1',
  app: 'pipedrive',
  operation: { type: 'action', key: 'create_deal' },
  connectionId,
  needsConnection: true,
});

describe('reading a schema', () => {
  it('gives long text a multi-line field when the connector marks it, whatever its name', () => {
    const fields = describeFields({
      type: 'object',
      properties: { summary: { type: 'string', multiline: true }, title: { type: 'string' }, note: { type: 'string' } },
    });
    expect(fields.map((field) => [field.key, field.multiline])).toEqual([
      ['summary', true],
      ['title', false],
      ['note', true],
    ]);
  });

  it('chooses a control for each kind of field', () => {
    const fields = describeFields(createDeal);
    expect(fields.map((field) => [field.key, field.kind])).toEqual([
      ['title', 'text'],
      ['value', 'number'],
      ['status', 'select'],
      ['pipeline_id', 'dynamic'],
      ['notify', 'boolean'],
      ['headers', 'record'],
      ['label_ids', 'json'],
      ['note', 'text'],
    ]);
    expect(fields.find((field) => field.key === 'title')?.required).toBe(true);
    expect(fieldKind({ anyOf: [{ type: 'string' }, { type: 'object' }] })).toBe('json');
    expect(fieldKind({ type: ['string', 'number', 'null'] })).toBe('text');
    expect(discriminatedUnion(textFormatter)?.variants.map((variant) => [variant.value, variant.label])).toEqual([
      ['uppercase', 'Uppercase'],
      ['replace', 'Replace'],
    ]);
  });
});

describe('SchemaForm', () => {
  it('renders labelled fields, the first ones and the required ones shown, the rest behind “optional fields”', () => {
    stubFetch({});
    renderWithClient(<Harness schema={createDeal} />);
    expect(screen.getByRole('textbox', { name: 'Title' }).getAttribute('aria-required')).toBe('true');
    expect(screen.getByRole('textbox', { name: 'Value' })).toBeTruthy();
    expect(
      within(screen.getByRole('combobox', { name: 'Status' }))
        .getAllByRole('option')
        .map((option) => option.textContent),
    ).toEqual(['Default (Open)', 'Open', 'Won', 'Lost']);
    expect(screen.queryByRole('combobox', { name: 'Notify the owner' })).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Show 4 optional fields' }));
    expect(screen.getByRole('combobox', { name: 'Notify the owner' })).toBeTruthy();
    expect(screen.getByRole('group', { name: 'Headers' })).toBeTruthy();
    expect(screen.getByRole('textbox', { name: 'Label ids' }).tagName).toBe('TEXTAREA');
  });

  it('keeps each value’s JSON type: numbers, enums, booleans, arrays; references stay text; emptied fields go away', () => {
    stubFetch({});
    renderWithClient(<Harness schema={createDeal} />);
    type(screen.getByRole('textbox', { name: 'Title' }), 'Deal for {{trigger.name}}');
    type(screen.getByRole('textbox', { name: 'Value' }), '1250.5');
    fireEvent.change(screen.getByRole('combobox', { name: 'Status' }), { target: { value: 'won' } });
    fireEvent.click(screen.getByRole('button', { name: 'Show 4 optional fields' }));
    fireEvent.change(screen.getByRole('combobox', { name: 'Notify the owner' }), { target: { value: 'false' } });
    fireEvent.change(screen.getByRole('textbox', { name: 'Label ids' }), { target: { value: '[3, 4]' } });
    expect(valueNow()).toEqual({ title: 'Deal for {{trigger.name}}', value: 1250.5, status: 'won', notify: false, label_ids: [3, 4] });

    type(screen.getByRole('textbox', { name: 'Value' }), '{{steps.calc.total}}');
    type(screen.getByRole('textbox', { name: 'Title' }), '');
    expect(valueNow()).toEqual({ value: '{{steps.calc.total}}', status: 'won', notify: false, label_ids: [3, 4] });
  });

  it('refuses JSON that does not parse, saying why, and keeps the last good value', () => {
    stubFetch({});
    renderWithClient(<Harness schema={createDeal} initial={{ label_ids: [1] }} />);
    const area = screen.getByRole('textbox', { name: 'Label ids' });
    fireEvent.change(area, { target: { value: '[1, ' } });
    expect(area.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText(/Not valid JSON yet/)).toBeTruthy();
    expect(valueNow()).toEqual({ label_ids: [1] });
  });

  it('edits free key/value pairs such as headers', () => {
    stubFetch({});
    renderWithClient(<Harness schema={createDeal} initial={{ headers: { 'x-one': '1' } }} />);
    const group = screen.getByRole('group', { name: 'Headers' });
    fireEvent.click(within(group).getByRole('button', { name: 'Add a pair' }));
    fireEvent.change(within(group).getByRole('textbox', { name: 'Name of Headers entry 2' }), { target: { value: 'x-two' } });
    type(within(group).getByRole('textbox', { name: 'Value of x-two' }), '{{trigger.id}}');
    expect(valueNow()).toEqual({ headers: { 'x-one': '1', 'x-two': '{{trigger.id}}' } });
    fireEvent.click(within(group).getByRole('button', { name: 'Remove x-one' }));
    expect(valueNow()).toEqual({ headers: { 'x-two': '{{trigger.id}}' } });
  });

  it('loads choices from the service once an account is chosen, and stores the chosen value as given', async () => {
    const calls = stubFetch({
      'POST /api/v1/workspaces/ws_1/apps/pipedrive/options': {
        body: {
          options: [
            { value: 1, label: 'Sales' },
            { value: 2, label: 'Partners' },
          ],
        },
      },
    });
    const { unmount } = renderWithClient(<Harness schema={createDeal} options={pipedrive()} />);
    const waiting = screen.getByRole('combobox', { name: 'Pipeline' });
    expect(waiting).toHaveProperty('disabled', true);
    expect(screen.getByText('Choose an account first to load the choices.')).toBeTruthy();
    expect(calls).toHaveLength(0);
    unmount();

    renderWithClient(<Harness schema={createDeal} initial={{ status: 'open', title: 'x' }} options={pipedrive('conn_1')} />);
    const select = screen.getByRole('combobox', { name: 'Pipeline' });
    await within(select).findByRole('option', { name: 'Partners' });
    expect(calls[0]?.body).toEqual({
      connectionId: 'conn_1',
      operation: { type: 'action', key: 'create_deal' },
      field: 'pipeline_id',
      input: { status: 'open' },
    });
    fireEvent.change(select, { target: { value: '2' } });
    expect(valueNow()).toEqual({ status: 'open', title: 'x', pipeline_id: 2 });
  });

  it('shows the service’s reason when choices cannot be loaded', async () => {
    stubFetch({
      'POST /api/v1/workspaces/ws_1/apps/pipedrive/options': {
        status: 502,
        body: { error: { code: 'service_error', message: 'Pipedrive could not list the choices: 401 unauthorized' } },
      },
    });
    renderWithClient(<Harness schema={createDeal} options={pipedrive('conn_1')} />);
    await screen.findByText(/Could not load the choices: Pipedrive could not list the choices: 401 unauthorized/);
  });

  it('lets a dropdown take mapped data instead of a fixed choice', () => {
    stubFetch({});
    renderWithClient(<Harness schema={createDeal} />);
    fireEvent.click(screen.getByRole('button', { name: 'Map data into Status' }));
    type(screen.getByRole('textbox', { name: 'Status' }), '{{trigger.stage}}');
    expect(valueNow()).toEqual({ status: '{{trigger.stage}}' });
    expect(screen.getByRole('button', { name: 'Choose Status from the list' })).toBeTruthy();
  });

  it('shows a union’s variants as a choice and then only the chosen variant’s fields', () => {
    stubFetch({});
    renderWithClient(<Harness schema={textFormatter} initial={{ operation: 'uppercase', value: '{{trigger.name}}' }} />);
    expect(screen.queryByRole('textbox', { name: /Find/ })).toBeNull();
    fireEvent.change(screen.getByRole('combobox', { name: 'Operation' }), { target: { value: 'replace' } });
    expect(valueNow()).toEqual({ value: '{{trigger.name}}', operation: 'replace' });
    type(screen.getByRole('textbox', { name: 'Find' }), '-');
    expect(valueNow()).toEqual({ value: '{{trigger.name}}', operation: 'replace', find: '-' });
  });

  it('puts each problem under its field', () => {
    stubFetch({});
    renderWithClient(<Harness schema={createDeal} problems={new FieldProblems([{ path: 'title', message: '"title" is required' }])} />);
    const title = screen.getByRole('textbox', { name: 'Title' });
    expect(title.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(title.getAttribute('aria-describedby') ?? '')?.textContent).toBe('"title" is required');
  });
});
