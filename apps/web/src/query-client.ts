// The TanStack Query client: retry rules and the "signed out anywhere -> log in" rule.
import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError } from './api.ts';
import { navigate } from './router.tsx';

const AUTH_PAGES = ['/login', '/signup'];

/** On a 401 the session is gone: send the user to log in, then back to where they were. */
function sendToLoginOnUnauthorized(error: Error): void {
  if (!(error instanceof ApiError) || error.status !== 401) return;
  const { pathname, search } = window.location;
  // The login form shows its own 401 ("wrong email or password"); do not redirect away from it.
  if (AUTH_PAGES.includes(pathname)) return;
  const here = pathname + search;
  navigate(here === '/' ? '/login' : `/login?next=${encodeURIComponent(here)}`, { replace: true });
}

/** Client errors (4xx) are answers, not hiccups: retrying them only delays the message. */
function shouldRetry(failureCount: number, error: Error): boolean {
  if (error instanceof ApiError && error.status >= 400 && error.status < 500) return false;
  return failureCount < 2;
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    queryCache: new QueryCache({ onError: sendToLoginOnUnauthorized }),
    mutationCache: new MutationCache({ onError: sendToLoginOnUnauthorized }),
    defaultOptions: {
      queries: { retry: shouldRetry, staleTime: 30_000 },
      mutations: { retry: false },
    },
  });
}
