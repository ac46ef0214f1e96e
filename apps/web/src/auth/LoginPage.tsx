// Log in: checks the credentials, then returns to the page that asked for a session (or the first workspace).
import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ApiError, fieldErrors, otherDetails } from '../api.ts';
import { Link, navigate, safeNextPath, useLocation } from '../router.tsx';
import { Button } from '../ui/Button.tsx';
import { ErrorBanner } from '../ui/ErrorBanner.tsx';
import { TextField } from '../ui/Field.tsx';
import { useCountdown } from '../ui/useCountdown.ts';
import { AuthLayout } from './AuthLayout.tsx';
import { PasswordField } from './PasswordField.tsx';
import { login, sessionKey, type LoginInput } from './session.ts';

const FIELDS = ['email', 'password'];

export function LoginPage() {
  const queryClient = useQueryClient();
  const next = safeNextPath(useLocation().search.get('next'));
  const [input, setInput] = useState<LoginInput>({ email: '', password: '' });
  const [retryAt, setRetryAt] = useState<number | null>(null);
  const secondsLeft = useCountdown(retryAt);

  const mutation = useMutation({
    mutationFn: login,
    onSuccess: (session) => {
      queryClient.clear();
      queryClient.setQueryData(sessionKey, session);
      const first = session.workspaces[0];
      navigate(next ?? (first ? `/w/${encodeURIComponent(first.id)}/zaps` : '/'), { replace: true });
    },
    onError: (error) => {
      const wait = error instanceof ApiError && error.status === 429 ? error.retryAfter : null;
      setRetryAt(wait === null ? null : Date.now() + wait * 1000);
    },
  });

  const error = mutation.error;
  const rateLimited = error instanceof ApiError && error.status === 429;
  const serverErrors = fieldErrors(error);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (mutation.isPending || secondsLeft > 0) return;
    mutation.mutate({ email: input.email.trim(), password: input.password });
  };

  return (
    <AuthLayout
      title="Log in to Switchyard"
      subtitle={next ? 'Log in to continue to the page you opened.' : undefined}
      footer={
        <>
          New to Switchyard? <Link to="/signup">Create an account</Link>
        </>
      }
    >
      <form className="form" noValidate onSubmit={submit}>
        {rateLimited ? (
          <div className="banner banner-warning" role="alert">
            <p>{error.message}</p>
            <p>
              {secondsLeft > 0
                ? `Too many attempts, try again in ${secondsLeft} s.`
                : retryAt === null
                  ? 'Too many attempts. Wait a moment, then try again.'
                  : 'You can try again now.'}
            </p>
          </div>
        ) : (
          <ErrorBanner error={error} details={otherDetails(error, FIELDS)} />
        )}
        <TextField
          label="Email"
          type="email"
          name="email"
          autoComplete="username"
          required
          value={input.email}
          onChange={(event) => setInput((current) => ({ ...current, email: event.target.value }))}
          error={serverErrors.email}
        />
        <PasswordField
          label="Password"
          name="password"
          autoComplete="current-password"
          required
          value={input.password}
          onChange={(event) => setInput((current) => ({ ...current, password: event.target.value }))}
          error={serverErrors.password}
        />
        <Button type="submit" variant="primary" className="btn-block" busy={mutation.isPending} disabled={secondsLeft > 0}>
          {mutation.isPending ? 'Logging in…' : secondsLeft > 0 ? `Try again in ${secondsLeft} s` : 'Log in'}
        </Button>
      </form>
    </AuthLayout>
  );
}
