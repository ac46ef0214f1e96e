// Ends the session, forgets everything cached for this user, and shows the login screen.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { navigate } from '../router.tsx';
import { Button } from '../ui/Button.tsx';
import { logout } from './session.ts';
import './auth.css';

export function LogoutButton() {
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: logout,
    onSuccess: () => {
      navigate('/login', { replace: true });
      queryClient.clear();
    },
  });
  return (
    <span className="logout">
      <Button size="sm" variant="ghost" busy={mutation.isPending} onClick={() => mutation.mutate()}>
        Log out
      </Button>
      {mutation.isError && (
        <span className="logout-error" role="alert">
          Could not log out: {mutation.error.message}
        </span>
      )}
    </span>
  );
}
