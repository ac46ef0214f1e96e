// The form of a trigger's or action's input, generated from its JSON Schema: no connector has a hand-written form.
import { useId, useState, type ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import { loadOptions } from '../connections/api.ts';
import { NO_PROBLEMS, type FieldProblems } from '../builder/problems.ts';
import { Button } from '../ui/Button.tsx';
import { Field } from '../ui/Field.tsx';
import { hasReference } from '../templates/references.ts';
import { ChoiceField, MultiChoiceField, type ChoiceOption } from './ChoiceField.tsx';
import { JsonField } from './JsonField.tsx';
import { KeyValueField } from './KeyValueField.tsx';
import { TemplateField } from './TemplateField.tsx';
import { describeFields, discriminatedUnion, fieldKind, parseNumberInput, splitByPriority, withField, type FieldSpec, type JsonSchema } from './schema.ts';
import './forms.css';

/** What a field with choices from the service needs to ask for them. */
export type OptionsSource = {
  workspaceId: string;
  app: string;
  operation: { type: 'action' | 'trigger'; key: string };
  connectionId: string | undefined;
  /** Apps without auth load choices without a connection. */
  needsConnection: boolean;
};

export type SchemaFormProps = {
  schema: JsonSchema;
  value: Record<string, unknown>;
  onChange: (value: Record<string, unknown>) => void;
  /** Problems by field path inside the input (`title`, `address.city`). */
  problems?: FieldProblems;
  options?: OptionsSource | undefined;
};

export function SchemaForm({ schema, value, onChange, problems = NO_PROBLEMS, options }: SchemaFormProps) {
  const union = discriminatedUnion(schema);
  if (union) {
    const { discriminator, variants } = union;
    const chosen = variants.find((variant) => variant.value === value[discriminator]);
    const choices: ChoiceOption[] = variants.map((variant) => ({ value: variant.value, label: variant.label, raw: variant.value }));
    return (
      <div className="schema-form">
        <Field label={<Required label={humanLabel(schema, discriminator)} required />} hint={chosen?.description} error={problems.at(discriminator)}>
          {(control) => (
            <select
              className="input select"
              {...control}
              required
              value={chosen?.value ?? ''}
              onChange={(event) => {
                // Fields of one variant mean nothing to another: keep only those the new variant also has.
                const next = variants.find((variant) => variant.value === event.target.value);
                const kept = Object.fromEntries(Object.entries(value).filter(([key]) => key !== discriminator && next?.schema.properties?.[key]));
                onChange(next ? { ...kept, [discriminator]: next.value } : kept);
              }}
            >
              <option value="">Choose…</option>
              {choices.map((choice) => (
                <option key={choice.value} value={choice.value}>
                  {choice.label}
                </option>
              ))}
            </select>
          )}
        </Field>
        {chosen && (
          <FieldList fields={describeFields(chosen.schema, [discriminator])} value={value} onChange={onChange} problems={problems} options={options} />
        )}
      </div>
    );
  }
  const fields = describeFields(schema);
  if (fields.length === 0) return <p className="muted schema-form-empty">Nothing to set up here.</p>;
  return (
    <div className="schema-form">
      <FieldList fields={fields} value={value} onChange={onChange} problems={problems} options={options} />
    </div>
  );
}

function humanLabel(schema: JsonSchema, key: string): string {
  const title = (schema.oneOf ?? schema.anyOf)?.[0]?.properties?.[key]?.title;
  return title ?? (key === 'operation' ? 'Operation' : key.charAt(0).toUpperCase() + key.slice(1));
}

function FieldList({
  fields,
  value,
  onChange,
  problems,
  options,
}: {
  fields: FieldSpec[];
  value: Record<string, unknown>;
  onChange: (value: Record<string, unknown>) => void;
  problems: FieldProblems;
  options: OptionsSource | undefined;
}) {
  const [showMore, setShowMore] = useState(false);
  const { main, more } = splitByPriority(fields, value);
  const moreWithProblems = more.some((field) => problems.at(field.key));
  const render = (field: FieldSpec) => (
    <SchemaField
      key={field.key}
      spec={field}
      value={value[field.key]}
      siblings={value}
      fields={fields}
      onChange={(next) => onChange(withField(value, field.key, next))}
      problems={problems}
      options={options}
    />
  );
  return (
    <>
      {main.map(render)}
      {more.length > 0 && (
        <div className="more-fields">
          <Button size="sm" variant="ghost" aria-expanded={showMore || moreWithProblems} onClick={() => setShowMore(!showMore)}>
            {showMore || moreWithProblems ? 'Hide optional fields' : `Show ${more.length} optional field${more.length === 1 ? '' : 's'}`}
          </Button>
          {(showMore || moreWithProblems) && <div className="schema-form">{more.map(render)}</div>}
        </div>
      )}
    </>
  );
}

/** A label with a star for required fields; the control itself says "required" to assistive technology. */
function Required({ label, required }: { label: string; required: boolean }) {
  return (
    <>
      {label}
      {required && (
        <span className="required-mark" aria-hidden="true" title="Required">
          *
        </span>
      )}
    </>
  );
}

function toText(value: unknown): string {
  if (value === undefined || value === null) return '';
  return typeof value === 'string' ? value : typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** Descriptions are often phrases ("For weekly"): end them so a following sentence reads well. */
function sentence(text: string | null): string | null {
  if (!text) return null;
  return /[.!?]$/.test(text.trim()) ? text.trim() : `${text.trim()}.`;
}

function defaultHint(spec: FieldSpec): string | null {
  if (spec.defaultValue === undefined || spec.defaultValue === null || typeof spec.defaultValue === 'object') return null;
  const choice = spec.choices.find((candidate) => Object.is(candidate.raw, spec.defaultValue));
  return choice?.label ?? (typeof spec.defaultValue === 'boolean' ? (spec.defaultValue ? 'Yes' : 'No') : String(spec.defaultValue));
}

type SchemaFieldProps = {
  spec: FieldSpec;
  value: unknown;
  siblings: Record<string, unknown>;
  fields: FieldSpec[];
  onChange: (value: unknown) => void;
  problems: FieldProblems;
  options: OptionsSource | undefined;
};

export function SchemaField({ spec, value, siblings, fields, onChange, problems, options }: SchemaFieldProps) {
  const label = <Required label={spec.label} required={spec.required} />;
  const error = problems.at(spec.key);
  const fallback = defaultHint(spec);
  const hint: ReactNode =
    spec.description || fallback ? [sentence(spec.description), fallback ? `Default: ${fallback}.` : null].filter(Boolean).join(' ') : undefined;

  // What a field shows around its control, whatever the control: the label, the hint and the problem.
  const field = { label, hint, error };

  switch (spec.kind) {
    case 'text':
    case 'number':
      return (
        <TemplateField
          {...field}
          fieldName={spec.label}
          required={spec.required}
          value={toText(value)}
          multiline={spec.multiline}
          placeholder={spec.kind === 'number' ? 'A number' : spec.schema.format === 'uri' ? 'https://…' : undefined}
          onChange={(text) => onChange(spec.kind === 'number' ? parseNumberInput(text) : text === '' ? undefined : text)}
        />
      );
    case 'secret':
      return (
        <Field {...field}>
          {(control) => (
            <input
              className="input"
              type="password"
              autoComplete="off"
              required={spec.required}
              {...control}
              value={toText(value)}
              onChange={(event) => onChange(event.target.value === '' ? undefined : event.target.value)}
            />
          )}
        </Field>
      );
    case 'boolean':
      return (
        <ChoiceField
          {...field}
          name={spec.label}
          value={value}
          onChange={onChange}
          emptyLabel={fallback ? `Default (${fallback})` : 'Not set'}
          options={[
            { value: 'true', label: 'Yes', raw: true },
            { value: 'false', label: 'No', raw: false },
          ]}
        />
      );
    case 'select':
      return (
        <ChoiceField
          {...field}
          name={spec.label}
          value={value}
          onChange={onChange}
          emptyLabel={fallback ? `Default (${fallback})` : 'Choose…'}
          options={spec.choices}
        />
      );
    case 'multi':
      return <MultiChoiceField {...field} name={spec.label} value={value} onChange={onChange} options={spec.choices} />;
    case 'dynamic':
      return <DynamicField {...field} spec={spec} value={value} siblings={siblings} fields={fields} onChange={onChange} options={options} />;
    case 'object':
      return <ObjectField spec={spec} value={value} onChange={onChange} problems={problems.under(spec.key)} options={options} error={error} />;
    case 'record':
      return (
        <KeyValueField
          {...field}
          name={spec.label}
          value={value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined}
          onChange={onChange}
        />
      );
    case 'json':
      return (
        <JsonField
          {...field}
          value={value}
          onChange={onChange}
          acceptsText={(spec.schema.anyOf ?? spec.schema.oneOf ?? []).some((branch) => fieldKind(branch) === 'text')}
          placeholder={spec.schema.type === 'array' ? (['integer', 'number'].includes(String(spec.schema.items?.type)) ? '[1, 2]' : '["a", "b"]') : undefined}
        />
      );
  }
}

function ObjectField({
  spec,
  value,
  onChange,
  problems,
  options,
  error,
}: {
  spec: FieldSpec;
  value: unknown;
  onChange: (value: unknown) => void;
  problems: FieldProblems;
  options: OptionsSource | undefined;
  error: string | undefined;
}) {
  const object = value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  return (
    <fieldset className="object-field">
      <legend className="field-label">
        <Required label={spec.label} required={spec.required} />
      </legend>
      {spec.description && <p className="field-hint">{spec.description}</p>}
      <FieldList
        fields={describeFields(spec.schema)}
        value={object}
        onChange={(next) => onChange(Object.keys(next).length === 0 ? undefined : next)}
        problems={problems}
        options={options}
      />
      {error && !problems.count && <p className="field-error">{error}</p>}
    </fieldset>
  );
}

function DynamicField({
  spec,
  label,
  hint,
  error,
  value,
  siblings,
  fields,
  onChange,
  options,
}: {
  spec: FieldSpec;
  label: ReactNode;
  hint: ReactNode;
  error: string | undefined;
  value: unknown;
  siblings: Record<string, unknown>;
  fields: FieldSpec[];
  onChange: (value: unknown) => void;
  options: OptionsSource | undefined;
}) {
  const statusId = useId();
  // Choices may depend on other choices (a stage on its pipeline), never on free text: typing must not refetch.
  const dependsOn = Object.fromEntries(
    fields
      .filter((field) => field.key !== spec.key && (field.kind === 'dynamic' || field.kind === 'select'))
      .map((field) => [field.key, siblings[field.key]])
      .filter(([, item]) => item !== undefined && !(typeof item === 'string' && hasReference(item))),
  );
  const ready = options !== undefined && (!options.needsConnection || options.connectionId !== undefined);
  const query = useQuery({
    queryKey: ['workspaces', options?.workspaceId, 'options', options?.app, options?.operation, spec.key, options?.connectionId, dependsOn],
    enabled: ready,
    staleTime: 5 * 60_000,
    // The service's answer (often a bad account) does not change by asking again at once; "Reload" is there for that.
    retry: false,
    queryFn: ({ signal }) =>
      loadOptions(
        options?.workspaceId ?? '',
        {
          app: options?.app ?? '',
          connectionId: options?.connectionId,
          operation: options?.operation ?? { type: 'action', key: '' },
          field: spec.key,
          input: dependsOn,
        },
        signal,
      ),
  });
  const choices: ChoiceOption[] = (query.data?.options ?? []).map((option) => ({ value: String(option.value), label: option.label, raw: option.value }));
  const status = !ready
    ? 'Choose an account first to load the choices.'
    : query.isFetching
      ? 'Loading choices…'
      : query.isError
        ? `Could not load the choices: ${query.error.message}`
        : choices.length === 0
          ? 'The service offered no choices.'
          : null;
  return (
    <ChoiceField
      name={spec.label}
      label={label}
      hint={hint}
      error={error}
      value={value}
      onChange={onChange}
      options={choices}
      disabled={!ready}
      emptyLabel={query.isFetching ? 'Loading…' : 'Choose…'}
      footer={
        <>
          {status && (
            <span id={statusId} role="status" className={query.isError ? 'field-error' : 'field-hint'}>
              {status}
            </span>
          )}
          {ready && (
            <button type="button" className="link-button" aria-label={`Reload the choices of ${spec.label}`} onClick={() => void query.refetch()}>
              Reload
            </button>
          )}
        </>
      }
    />
  );
}
