// A small client-side router over the History API: route table, typed params, links and redirects.
import { useEffect, useMemo, useSyncExternalStore, type ComponentProps, type MouseEvent, type ReactNode } from 'react';

const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  window.addEventListener('popstate', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('popstate', listener);
  };
}

function currentUrl(): string {
  return window.location.pathname + window.location.search;
}

/** Moves to `to` (a same-origin path) without a page load; `replace` keeps the history length unchanged. */
export function navigate(to: string, options: { replace?: boolean } = {}): void {
  const replace = options.replace === true || to === currentUrl();
  if (replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  for (const listener of listeners) listener();
}

export type Location = { pathname: string; search: URLSearchParams };

/** The current path and query string; re-renders on navigate() and on the browser's back and forward. */
export function useLocation(): Location {
  const url = useSyncExternalStore(subscribe, currentUrl, currentUrl);
  return useMemo(() => {
    const queryStart = url.indexOf('?');
    return queryStart === -1
      ? { pathname: url, search: new URLSearchParams() }
      : { pathname: url.slice(0, queryStart), search: new URLSearchParams(url.slice(queryStart)) };
  }, [url]);
}

type ParamNames<P extends string> = P extends `${string}:${infer Name}/${infer Rest}`
  ? Name | ParamNames<`/${Rest}`>
  : P extends `${string}:${infer Name}`
    ? Name
    : never;

/** The params a pattern declares: `RouteParams<'/w/:ws/members'>` is `{ws: string}`. */
export type RouteParams<P extends string> = { [K in ParamNames<P>]: string };

export type Route = { pattern: string; render: (params: Record<string, string>) => ReactNode };

/** Declares one route; `render` receives the decoded params its pattern names. */
export function route<P extends string>(pattern: P, render: (params: RouteParams<P>) => ReactNode): Route {
  // matchPath returns exactly the names in the pattern, so the params have the declared shape.
  return { pattern, render: (params) => render(params as RouteParams<P>) };
}

/**
 * Matches a pathname against a pattern of literal and `:param` segments, ignoring a trailing slash.
 * Returns the decoded params, or null when it does not match.
 */
export function matchPath(pattern: string, pathname: string): Record<string, string> | null {
  const expected = segments(pattern);
  const actual = segments(pathname);
  if (expected.length !== actual.length) return null;
  const params: Record<string, string> = {};
  for (const [index, part] of expected.entries()) {
    const value = actual[index] ?? '';
    if (part.startsWith(':')) {
      const decoded = safeDecode(value);
      if (decoded === null || decoded === '') return null;
      params[part.slice(1)] = decoded;
    } else if (part !== value) {
      return null;
    }
  }
  return params;
}

/** Renders the first route that matches the current path, or null when none does. */
export function useRoutes(routes: readonly Route[]): ReactNode {
  const { pathname } = useLocation();
  for (const candidate of routes) {
    const params = matchPath(candidate.pattern, pathname);
    if (params) return candidate.render(params);
  }
  return null;
}

export type LinkProps = Omit<ComponentProps<'a'>, 'href'> & { to: string; replace?: boolean };

/** An anchor that navigates in-app on a plain click and behaves as a normal link otherwise (new tab, etc.). */
export function Link({ to, replace, onClick, target, ...rest }: LinkProps) {
  const handleClick = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    if (event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    if (target !== undefined && target !== '_self') return;
    event.preventDefault();
    navigate(to, { replace: replace === true });
  };
  return <a {...rest} href={to} target={target} onClick={handleClick} />;
}

/** Replaces the current history entry with `to` once rendered. */
export function Redirect({ to }: { to: string }) {
  useEffect(() => navigate(to, { replace: true }), [to]);
  return null;
}

/** A `?next=` value is followed only when it is a same-origin path, never `//host` or a full URL. */
export function safeNextPath(next: string | null): string | null {
  if (next === null || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return null;
  return next;
}

function segments(path: string): string[] {
  return path.split('/').filter((part) => part !== '');
}

function safeDecode(value: string): string | null {
  try {
    return decodeURIComponent(value);
  } catch {
    return null;
  }
}
