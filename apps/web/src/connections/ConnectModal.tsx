// Connects an account (or replaces its credentials): the app's own auth fields, tested live by the API before saving.
import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ApiError, fieldErrors } from '../api.ts';
import type { AppManifest, AuthField } from '../catalog/api.ts';
import { Button } from '../ui/Button.tsx';
import { ErrorBanner } from '../ui/ErrorBanner.tsx';
import { focusFirstInvalid, TextField } from '../ui/Field.tsx';
import { Modal } from '../ui/Modal.tsx';
import { useCurrentWorkspace } from '../workspaces/current.tsx';
import { connectionsKey, createConnection, updateConnection, type Connection, type Credentials } from './api.ts';

export type ConnectModalProps = {
  app: AppManifest;
  /** Replace this connection's credentials instead of creating one. */
  connection?: Connection | undefined;
  /** A name for a new connection, e.g. "Pipedrive 2" when the workspace already has one. */
  suggestedName?: string;
  onDone: (connection: Connection) => void;
  onClose: () => void;
};

type Values = Record<string, string | boolean>;

function inputType(field: AuthField): string {
  if (field.secret || field.type === 'password') return 'password';
  if (field.type === 'url') return 'url';
  if (field.type === 'number') return 'number';
  return 'text';
}

/** The credentials to send: trimmed text, numbers as numbers, empty optional fields left out. */
export function credentialsOf(fields: AuthField[], values: Values): Credentials {
  const credentials: Credentials = {};
  for (const field of fields) {
    const value = values[field.key];
    if (field.type === 'boolean') {
      credentials[field.key] = value === true;
      continue;
    }
    const text = typeof value === 'string' ? value.trim() : '';
    if (text === '') continue;
    credentials[field.key] = field.type === 'number' && Number.isFinite(Number(text)) ? Number(text) : text;
  }
  return credentials;
}

export function ConnectModal({ app, connection, suggestedName, onDone, onClose }: ConnectModalProps) {
  const workspace = useCurrentWorkspace();
  const queryClient = useQueryClient();
  const fields = app.auth?.fields ?? [];
  const [name, setName] = useState(suggestedName ?? `${app.name} account`);
  const [values, setValues] = useState<Values>(() => Object.fromEntries(fields.map((field) => [field.key, field.type === 'boolean' ? false : ''])));
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const updating = connection !== undefined;

  const mutation = useMutation({
    mutationFn: () =>
      updating
        ? updateConnection(workspace.id, connection.id, { credentials: credentialsOf(fields, values) })
        : createConnection(workspace.id, { app: app.key, name: name.trim(), credentials: credentialsOf(fields, values) }),
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: connectionsKey(workspace.id) });
      onDone(saved);
    },
  });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (mutation.isPending) return;
    const form = event.currentTarget;
    const problems: Record<string, string> = {};
    if (!updating && name.trim() === '') problems.name = 'Name the connection, e.g. after the account or the team that owns it.';
    if (updating) {
      // Fields left empty keep their stored value, but something must change.
      const first = fields[0];
      if (
        first &&
        Object.keys(
          credentialsOf(
            fields.filter((field) => field.type !== 'boolean'),
            values,
          ),
        ).length === 0
      ) {
        problems[first.key] = 'Enter the new value of at least one field.';
      }
    } else {
      for (const field of fields) {
        const value = values[field.key];
        if (field.required && field.type !== 'boolean' && (typeof value !== 'string' || value.trim() === '')) problems[field.key] = `Enter the ${field.label}.`;
      }
    }
    setLocalErrors(problems);
    if (Object.keys(problems).length > 0) {
      focusFirstInvalid(form);
      return;
    }
    mutation.mutate(undefined, { onError: () => focusFirstInvalid(form) });
  };

  const serverFields = fieldErrors(mutation.error);
  const errorOf = (key: string) => localErrors[key] ?? serverFields[`credentials.${key}`] ?? serverFields[key];
  const testFailed = mutation.error instanceof ApiError && mutation.error.code === 'connection_test_failed';

  return (
    <Modal title={updating ? `New credentials for “${connection.name}”` : `Connect ${app.name}`} onClose={() => !mutation.isPending && onClose()}>
      <form className="form" noValidate onSubmit={submit}>
        <p className="modal-body">
          {updating
            ? `Enter what changed; fields left empty keep their current value. Switchyard tests the result with ${app.name} before saving it.`
            : `Switchyard tests these credentials with ${app.name} before saving them. They are stored encrypted and never shown again.`}
        </p>
        <ErrorBanner
          title={testFailed ? `${app.name} did not accept these credentials` : updating ? 'Could not update the credentials' : 'Could not connect'}
          error={mutation.error}
        />
        {!updating && (
          <TextField
            label="Connection name"
            name="connection-name"
            autoComplete="off"
            value={name}
            hint="Shown when you pick an account in a zap."
            error={errorOf('name')}
            onChange={(event) => setName(event.target.value)}
          />
        )}
        {fields.map((field) =>
          field.type === 'boolean' ? (
            <label key={field.key} className="checkbox">
              <input type="checkbox" checked={values[field.key] === true} onChange={(event) => setValues({ ...values, [field.key]: event.target.checked })} />
              {field.label}
              {field.help && <span className="field-hint"> {field.help}</span>}
            </label>
          ) : (
            <TextField
              key={field.key}
              label={
                <>
                  {field.label}
                  {!field.required && !updating && <span className="optional-mark"> (optional)</span>}
                </>
              }
              name={field.key}
              type={inputType(field)}
              autoComplete={field.secret || field.type === 'password' ? 'new-password' : 'off'}
              spellCheck={false}
              placeholder={field.type === 'url' ? 'https://…' : undefined}
              hint={field.help ?? undefined}
              required={field.required}
              value={String(values[field.key] ?? '')}
              error={errorOf(field.key)}
              onChange={(event) => {
                setValues({ ...values, [field.key]: event.target.value });
                setLocalErrors(({ [field.key]: _, ...rest }) => rest);
              }}
            />
          ),
        )}
        <div className="modal-actions">
          <Button onClick={onClose} disabled={mutation.isPending}>
            Cancel
          </Button>
          <Button type="submit" variant="primary" busy={mutation.isPending}>
            {mutation.isPending ? `Testing with ${app.name}…` : updating ? 'Test and save' : 'Connect'}
          </Button>
        </div>
      </form>
    </Modal>
  );
}
