// Sign up: creates the account and its first workspace, then opens that workspace.
import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { fieldErrors, otherDetails } from '../api.ts';
import { Link, navigate } from '../router.tsx';
import { Button } from '../ui/Button.tsx';
import { ErrorBanner } from '../ui/ErrorBanner.tsx';
import { focusFirstInvalid, TextField } from '../ui/Field.tsx';
import { AuthLayout } from './AuthLayout.tsx';
import { PasswordField } from './PasswordField.tsx';
import { PASSWORD_MIN_LENGTH, signup, type SignupInput } from './session.ts';

const FIELDS = ['email', 'password', 'workspaceName'] as const;
type Errors = Partial<Record<(typeof FIELDS)[number], string>>;

/** The checks worth making before a round trip; the API validates everything again. */
function validate(input: SignupInput): Errors {
  const errors: Errors = {};
  if (!/^\S+@\S+$/.test(input.email.trim())) errors.email = 'Enter your email address, like name@example.com.';
  if (input.password.length < PASSWORD_MIN_LENGTH) {
    errors.password = `Use at least ${PASSWORD_MIN_LENGTH} characters.`;
  }
  if (input.workspaceName.trim() === '') errors.workspaceName = 'Name your workspace, for example your team or company.';
  return errors;
}

export function SignupPage() {
  const queryClient = useQueryClient();
  const [input, setInput] = useState<SignupInput>({ email: '', password: '', workspaceName: '' });
  const [localErrors, setLocalErrors] = useState<Errors>({});
  const mutation = useMutation({
    mutationFn: signup,
    onSuccess: ({ workspace }) => {
      // A new session: nothing cached for a previous user may leak into it.
      queryClient.clear();
      navigate(`/w/${encodeURIComponent(workspace.id)}/zaps`, { replace: true });
    },
  });

  const serverErrors = fieldErrors(mutation.error);
  const errorFor = (field: keyof Errors) => localErrors[field] ?? serverErrors[field];

  const update = (field: keyof SignupInput) => (value: string) => {
    setInput((current) => ({ ...current, [field]: value }));
    setLocalErrors((current) => ({ ...current, [field]: undefined }));
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (mutation.isPending) return;
    const form = event.currentTarget;
    const errors = validate(input);
    setLocalErrors(errors);
    if (Object.keys(errors).length > 0) {
      focusFirstInvalid(form);
      return;
    }
    mutation.mutate(
      { email: input.email.trim(), password: input.password, workspaceName: input.workspaceName.trim() },
      { onError: () => focusFirstInvalid(form) },
    );
  };

  return (
    <AuthLayout
      title="Create your account"
      subtitle="Automate the work between your apps. Free to start."
      footer={
        <>
          Already have an account? <Link to="/login">Log in</Link>
        </>
      }
    >
      <form className="form" noValidate onSubmit={submit}>
        <ErrorBanner error={mutation.error} details={otherDetails(mutation.error, FIELDS)} />
        <TextField
          label="Work email"
          type="email"
          name="email"
          autoComplete="email"
          required
          value={input.email}
          onChange={(event) => update('email')(event.target.value)}
          error={errorFor('email')}
        />
        <PasswordField
          label="Password"
          name="password"
          autoComplete="new-password"
          required
          minLength={PASSWORD_MIN_LENGTH}
          hint={`At least ${PASSWORD_MIN_LENGTH} characters.`}
          value={input.password}
          onChange={(event) => update('password')(event.target.value)}
          error={errorFor('password')}
        />
        <TextField
          label="Workspace name"
          name="workspaceName"
          autoComplete="organization"
          required
          hint="Usually your team or company. You can create more workspaces later."
          value={input.workspaceName}
          onChange={(event) => update('workspaceName')(event.target.value)}
          error={errorFor('workspaceName')}
        />
        <Button type="submit" variant="primary" className="btn-block" busy={mutation.isPending}>
          {mutation.isPending ? 'Creating your account…' : 'Create account'}
        </Button>
      </form>
    </AuthLayout>
  );
}
