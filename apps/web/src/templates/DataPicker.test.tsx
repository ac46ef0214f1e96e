// Tests of the data picker and template fields: the tree of sample data, inserting `{{...}}` references, chips, declared labels.
import { useState } from 'react';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { chipLabel, dataTree, fieldLabel, preview, type DataSource } from './data.ts';
import { parseReference } from './references.ts';
import { TemplateScopeContext } from './scope.ts';
import { serializeEditor, TemplateInput } from './TemplateInput.tsx';

const hook: DataSource = {
  id: 'trigger',
  number: 1,
  title: 'Catch Hook (Webhooks)',
  origin: 'request',
  data: { method: 'POST', body: { name: 'Jane Doe', lines: [{ sku: 'A-1', qty: 2 }] } },
};
const shape: DataSource = { id: 'shape', number: 2, title: 'Run JavaScript', origin: 'test', data: { title: 'JANE DOE' } };
const person: DataSource = {
  id: 'person',
  number: 3,
  title: 'Create Person in Pipedrive',
  origin: 'sample',
  data: { id: 7, name: { firstName: 'Jane', lastName: 'Doe' }, emails: ['jane@example.com'], items: [{ id: 'i-1' }] },
  fields: [
    { key: 'id', label: 'Person ID', type: 'integer' },
    { key: 'name', label: 'Name', type: 'object' },
    { key: 'name.firstName', label: 'First name', type: 'string' },
    { key: 'emails', label: 'Email addresses', type: 'array' },
    { key: 'items[0].id', label: 'First item ID', type: 'string' },
    { key: 'not a [path', label: 'Broken', type: 'string' },
  ],
};

function Harness({ initial = '', sources = [hook, shape], multiline = false }: { initial?: string; sources?: DataSource[]; multiline?: boolean }) {
  const [value, setValue] = useState(initial);
  return (
    <TemplateScopeContext value={{ sources, readOnly: false }}>
      <span id="label">Title</span>
      <TemplateInput labelledBy="label" fieldName="Title" value={value} onChange={setValue} multiline={multiline} />
      <output data-testid="value">{value}</output>
    </TemplateScopeContext>
  );
}

const valueNow = () => screen.getByTestId('value').textContent;

describe('data tree', () => {
  it('lists fields with their paths, arrays by index', () => {
    const tree = dataTree(hook.data);
    expect(tree.map((node) => node.key)).toEqual(['method', 'body']);
    const body = tree[1]?.children ?? [];
    expect(body.map((node) => node.path)).toEqual([
      ['body', 'name'],
      ['body', 'lines'],
    ]);
    expect(body[1]?.children?.[0]?.children?.map((node) => node.path)).toEqual([
      ['body', 'lines', 0, 'sku'],
      ['body', 'lines', 0, 'qty'],
    ]);
    expect(preview(body[1]?.value)).toBe('1 item');
    expect(preview('x'.repeat(100), 10)).toBe('xxxxxxxxx…');
  });

  it('labels a reference by its step number and readable path', () => {
    const ref = parseReference('trigger.body.lines[0].sku');
    expect(ref && chipLabel(ref, [hook])).toEqual({
      badge: '1',
      text: 'body › lines › [0] › sku',
      title: '1. Catch Hook (Webhooks): body.lines[0].sku',
      known: true,
    });
    const ghost = parseReference('steps.ghost.id');
    expect(ghost && chipLabel(ghost, [hook]).known).toBe(false);
  });
});

describe('declared output fields', () => {
  it('label the paths they declare, nested and indexed ones included, and nothing else', () => {
    expect(fieldLabel(person, ['id'])).toBe('Person ID');
    expect(fieldLabel(person, ['name', 'firstName'])).toBe('First name');
    expect(fieldLabel(person, ['items', 0, 'id'])).toBe('First item ID');
    expect(fieldLabel(person, ['name', 'lastName'])).toBeUndefined();
    expect(fieldLabel(person, ['emails', 0])).toBeUndefined();
    expect(fieldLabel(person, [])).toBeUndefined();
    // Sources without declared fields (code steps, older servers) have no labels.
    expect(fieldLabel(hook, ['body'])).toBeUndefined();
  });

  it('name a chip by the label, with the path in its title', () => {
    const ref = parseReference('steps.person.name.firstName');
    expect(ref && chipLabel(ref, [person])).toEqual({
      badge: '3',
      text: 'First name',
      title: '3. Create Person in Pipedrive: First name (name.firstName)',
      known: true,
    });
    const undeclared = parseReference('steps.person.name.lastName');
    expect(undeclared && chipLabel(undeclared, [person]).text).toBe('name › lastName');
  });

  it('show in the picker with the raw key beside them, and insert the path with a labelled chip', () => {
    render(<Harness sources={[hook, person]} />);
    fireEvent.click(screen.getByRole('button', { name: 'Insert data into Title' }));
    const picker = screen.getByRole('dialog', { name: 'Insert data' });

    const id = within(picker).getByRole('button', { name: 'Insert Person ID (id)' });
    expect([...id.children].map((part) => [part.className, part.textContent])).toEqual([
      ['picker-label', 'Person ID'],
      ['picker-key picker-key-secondary', 'id'],
      ['picker-value', '7'],
    ]);
    // Undeclared fields keep their keys alone, in the trigger's tree as in the step's.
    expect(within(picker).getByRole('button', { name: 'Insert method' })).toBeTruthy();
    fireEvent.click(within(picker).getByRole('button', { name: 'Show the fields of Name (name)' }));
    expect(within(picker).getByRole('button', { name: 'Insert name.lastName' })).toBeTruthy();

    fireEvent.click(within(picker).getByRole('button', { name: 'Insert First name (name.firstName)' }));
    expect(valueNow()).toBe('{{steps.person.name.firstName}}');
    const chip = screen.getByRole('textbox', { name: 'Title' }).querySelector('.chip');
    expect(chip?.textContent).toBe('Step 3First name');
    expect(chip?.getAttribute('title')).toBe('3. Create Person in Pipedrive: First name (name.firstName)');
  });

  it('are found by label as well as by key', () => {
    render(<Harness sources={[hook, person]} />);
    fireEvent.click(screen.getByRole('button', { name: 'Insert data into Title' }));
    const picker = screen.getByRole('dialog', { name: 'Insert data' });
    const results = () =>
      within(picker)
        .getAllByRole('button', { name: /^Insert / })
        .map((button) => button.getAttribute('aria-label'));

    fireEvent.change(within(picker).getByLabelText('Search data'), { target: { value: 'email addr' } });
    expect(results()).toEqual(['Insert Email addresses (emails) from step 3']);
    fireEvent.change(within(picker).getByLabelText('Search data'), { target: { value: 'firstname' } });
    expect(results()).toEqual(['Insert First name (name.firstName) from step 3']);
    expect(within(picker).getByRole('button', { name: /First name/ }).textContent).toBe('3First namename › firstNameJane');

    fireEvent.click(within(picker).getByRole('button', { name: 'Insert First name (name.firstName) from step 3' }));
    expect(valueNow()).toBe('{{steps.person.name.firstName}}');
  });
});

describe('TemplateInput', () => {
  it('shows references as readable chips between the typed text', () => {
    render(<Harness initial="Deal for {{trigger.body.name}}: {{steps.shape.title}} {{steps.ghost.id}}" />);
    const box = screen.getByRole('textbox', { name: 'Title' });
    const chips = [...box.querySelectorAll('.chip')];
    expect(chips.map((chip) => chip.textContent)).toEqual(['Step 1body › name', 'Step 2title', 'Unknown step ?ghost › id']);
    expect(chips[0]?.getAttribute('title')).toBe('1. Catch Hook (Webhooks): body.name');
    expect(chips[2]?.classList.contains('chip-unknown')).toBe(true);
    expect(box.textContent).toContain('Deal for ');
    expect(serializeEditor(box)).toBe('Deal for {{trigger.body.name}}: {{steps.shape.title}} {{steps.ghost.id}}');
  });

  it('inserts {{trigger.body.name}} from the tree of the trigger’s sample', () => {
    render(<Harness initial="Hello " />);
    fireEvent.click(screen.getByRole('button', { name: 'Insert data into Title' }));
    const picker = screen.getByRole('dialog', { name: 'Insert data' });
    expect(within(picker).getByText('From a received request')).toBeTruthy();
    expect(within(picker).getByText('From the latest test')).toBeTruthy();

    fireEvent.click(within(picker).getByRole('button', { name: 'Show the fields of body' }));
    fireEvent.click(within(picker).getByRole('button', { name: 'Insert body.name' }));

    expect(valueNow()).toBe('Hello {{trigger.body.name}}');
    expect(screen.queryByRole('dialog', { name: 'Insert data' })).toBeNull();
    const chip = screen.getByRole('textbox', { name: 'Title' }).querySelector('.chip');
    expect(chip?.textContent).toBe('Step 1body › name');
  });

  it('finds a field by its value and inserts an earlier step’s output as {{steps.key.path}}', () => {
    render(<Harness />);
    fireEvent.click(screen.getByRole('button', { name: 'Insert data into Title' }));
    const picker = screen.getByRole('dialog', { name: 'Insert data' });

    fireEvent.change(within(picker).getByLabelText('Search data'), { target: { value: 'a-1' } });
    expect(
      within(picker)
        .getAllByRole('button', { name: /^Insert / })
        .map((button) => button.getAttribute('aria-label')),
    ).toEqual(['Insert body.lines[0].sku from step 1']);

    fireEvent.change(within(picker).getByLabelText('Search data'), { target: { value: 'title' } });
    fireEvent.click(within(picker).getByRole('button', { name: 'Insert title from step 2' }));
    expect(valueNow()).toBe('{{steps.shape.title}}');
  });

  it('reads what is typed back as text, with chips as references', () => {
    render(<Harness initial="{{steps.shape.title}}" />);
    const box = screen.getByRole('textbox', { name: 'Title' });
    box.append(document.createTextNode(' and more'));
    fireEvent.input(box);
    expect(valueNow()).toBe('{{steps.shape.title}} and more');
  });

  it('offers no picker where there is nothing to map from (the trigger’s own fields)', () => {
    render(<Harness sources={[]} />);
    expect(screen.getByRole('textbox', { name: 'Title' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Insert data into Title' })).toBeNull();
  });

  it('closes the picker with Escape', () => {
    render(<Harness />);
    fireEvent.click(screen.getByRole('button', { name: 'Insert data into Title' }));
    fireEvent.keyDown(screen.getByLabelText('Search data'), { key: 'Escape' });
    expect(screen.queryByRole('dialog', { name: 'Insert data' })).toBeNull();
  });
});
