// Names and creates an API key; hands the one-time token to the page.
import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { fieldErrors, otherDetails } from '../api.ts';
import { RoleField } from '../forms/RoleField.tsx';
import { Button } from '../ui/Button.tsx';
import { ErrorBanner } from '../ui/ErrorBanner.tsx';
import { focusFirstInvalid, TextField } from '../ui/Field.tsx';
import { useCurrentWorkspace } from '../workspaces/current.tsx';
import { keyRoles, type Role } from '../workspaces/roles.ts';
import { apiKeysKey, createApiKey, type CreatedApiKey } from './api.ts';

export function CreateApiKeyForm({ onCreated }: { onCreated: (key: CreatedApiKey) => void }) {
  const workspace = useCurrentWorkspace();
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const roles = keyRoles(workspace.role);
  // Scripts usually build and run zaps: editor is the least surprising default a key maker may give.
  const [role, setRole] = useState<Role>(roles.includes('editor') ? 'editor' : (roles[0] ?? workspace.role));
  const [localError, setLocalError] = useState<string | undefined>();

  const mutation = useMutation({
    mutationFn: (input: { name: string; role: Role }) => createApiKey(workspace.id, input),
    onSuccess: (created) => {
      setName('');
      onCreated(created);
      // The token lives only in the page's state: forget it here too.
      mutation.reset();
      void queryClient.invalidateQueries({ queryKey: apiKeysKey(workspace.id) });
    },
  });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (mutation.isPending) return;
    const form = event.currentTarget;
    if (name.trim() === '') {
      setLocalError('Name the key after what will use it, for example “CI deploys”.');
      focusFirstInvalid(form);
      return;
    }
    mutation.mutate({ name: name.trim(), role }, { onError: () => focusFirstInvalid(form) });
  };

  return (
    <form className="card" noValidate onSubmit={submit} aria-labelledby="create-key-title">
      <h2 id="create-key-title" className="card-title">
        Create an API key
      </h2>
      <div className="form-row">
        <TextField
          className="grow"
          label="Key name"
          name="name"
          autoComplete="off"
          required
          hint="Say what will use it, so you know what breaks if you revoke it."
          value={name}
          onChange={(event) => {
            setName(event.target.value);
            setLocalError(undefined);
          }}
          error={localError ?? fieldErrors(mutation.error).name}
        />
        <RoleField roles={roles} value={role} onChange={setRole} error={fieldErrors(mutation.error).role} />
        <Button type="submit" variant="primary" className="form-row-submit" busy={mutation.isPending}>
          {mutation.isPending ? 'Creating…' : 'Create key'}
        </Button>
      </div>
      <ErrorBanner error={mutation.error} details={otherDetails(mutation.error, ['name', 'role'])} />
    </form>
  );
}
