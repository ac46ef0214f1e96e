// The "name your workspace" form, used in the new-workspace dialog and for users with no workspace.
import { useState, type FormEvent, type ReactNode } from 'react';
import { fieldErrors, otherDetails } from '../api.ts';
import type { Membership } from '../auth/session.ts';
import { Button } from '../ui/Button.tsx';
import { ErrorBanner } from '../ui/ErrorBanner.tsx';
import { focusFirstInvalid, TextField } from '../ui/Field.tsx';
import { useCreateWorkspace } from './api.ts';

export function NewWorkspaceForm({ onCreated, secondaryAction }: { onCreated: (workspace: Membership) => void; secondaryAction?: ReactNode }) {
  const [name, setName] = useState('');
  const [localError, setLocalError] = useState<string | undefined>();
  const mutation = useCreateWorkspace();

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (mutation.isPending) return;
    const form = event.currentTarget;
    if (name.trim() === '') {
      setLocalError('Give the workspace a name.');
      focusFirstInvalid(form);
      return;
    }
    mutation.mutate({ name: name.trim() }, { onSuccess: onCreated, onError: () => focusFirstInvalid(form) });
  };

  return (
    <form className="form" noValidate onSubmit={submit}>
      <ErrorBanner error={mutation.error} details={otherDetails(mutation.error, ['name'])} />
      <TextField
        label="Workspace name"
        name="name"
        autoComplete="organization"
        required
        hint="Usually a team, a client or a project. Members and zaps belong to one workspace."
        value={name}
        onChange={(event) => {
          setName(event.target.value);
          setLocalError(undefined);
        }}
        error={localError ?? fieldErrors(mutation.error).name}
      />
      <div className="form-actions">
        {secondaryAction}
        <Button type="submit" variant="primary" busy={mutation.isPending}>
          {mutation.isPending ? 'Creating…' : 'Create workspace'}
        </Button>
      </div>
    </form>
  );
}
