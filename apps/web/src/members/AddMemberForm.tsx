// Adds an existing Switchyard user to the workspace by email, with a role; problems show beside the form.
import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { fieldErrors, otherDetails } from '../api.ts';
import { RoleField } from '../forms/RoleField.tsx';
import { Button } from '../ui/Button.tsx';
import { ErrorBanner } from '../ui/ErrorBanner.tsx';
import { focusFirstInvalid, TextField } from '../ui/Field.tsx';
import { useCurrentWorkspace } from '../workspaces/current.tsx';
import { assignableRoles, ROLE_LABELS, type Role } from '../workspaces/roles.ts';
import { addMember, membersKey } from './api.ts';

const FIELDS = ['email', 'role'];

export function AddMemberForm({ disabled }: { disabled: boolean }) {
  const workspace = useCurrentWorkspace();
  const queryClient = useQueryClient();
  const roles = assignableRoles(workspace.role);
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('editor');
  const [localError, setLocalError] = useState<string | undefined>();
  const [added, setAdded] = useState<string | null>(null);

  const mutation = useMutation({
    mutationFn: (input: { email: string; role: Role }) => addMember(workspace.id, input),
    onSuccess: (member) => {
      setEmail('');
      setAdded(`${member.email} was added as ${ROLE_LABELS[member.role] ?? member.role}.`);
      return queryClient.invalidateQueries({ queryKey: membersKey(workspace.id) });
    },
  });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (mutation.isPending || disabled) return;
    const form = event.currentTarget;
    setAdded(null);
    if (!/^\S+@\S+$/.test(email.trim())) {
      setLocalError('Enter the email address they use for Switchyard.');
      focusFirstInvalid(form);
      return;
    }
    mutation.mutate({ email: email.trim(), role }, { onError: () => focusFirstInvalid(form) });
  };

  const errors = fieldErrors(mutation.error);
  return (
    <form className="card add-member" noValidate onSubmit={submit} aria-labelledby="add-member-title">
      <h2 id="add-member-title" className="card-title">
        Add a member
      </h2>
      <p className="card-text">They need a Switchyard account already; add them with the email they sign in with.</p>
      <fieldset className="form-row" disabled={disabled}>
        <legend className="visually-hidden">New member</legend>
        <TextField
          className="grow"
          label="Email"
          type="email"
          name="email"
          autoComplete="off"
          required
          value={email}
          onChange={(event) => {
            setEmail(event.target.value);
            setLocalError(undefined);
            setAdded(null);
          }}
          error={localError ?? errors.email}
        />
        <RoleField roles={roles.length > 0 ? roles : ['editor']} value={role} onChange={setRole} error={errors.role} />
        <Button type="submit" variant="primary" className="form-row-submit" busy={mutation.isPending}>
          {mutation.isPending ? 'Adding…' : 'Add member'}
        </Button>
      </fieldset>
      <ErrorBanner error={mutation.error} details={otherDetails(mutation.error, FIELDS)} />
      <p className="form-success" role="status">
        {added}
      </p>
    </form>
  );
}
