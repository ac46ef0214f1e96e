// Tests of the History API router: matching, links, back/forward and redirects.
import { act, fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Link, matchPath, navigate, Redirect, route, safeNextPath, useLocation, useRoutes } from './router.tsx';

function TestApp() {
  const element = useRoutes([
    route('/', () => (
      <>
        <h1>Home</h1>
        <Link to="/w/acme%20inc/members">Members</Link>
      </>
    )),
    route('/w/:ws/members', ({ ws }) => <h1>Members of {ws}</h1>),
    route('/old', () => <Redirect to="/w/new/members" />),
  ]);
  return element ?? <h1>Not found</h1>;
}

function Search() {
  return <p>next is {useLocation().search.get('next') ?? 'none'}</p>;
}

describe('matchPath()', () => {
  it('extracts decoded params and ignores a trailing slash', () => {
    expect(matchPath('/w/:ws/members', '/w/ws%201/members/')).toEqual({ ws: 'ws 1' });
    expect(matchPath('/', '/')).toEqual({});
  });

  it('rejects other literals, other lengths and undecodable params', () => {
    expect(matchPath('/w/:ws/members', '/w/ws_1/api-keys')).toBeNull();
    expect(matchPath('/w/:ws/members', '/w/ws_1')).toBeNull();
    expect(matchPath('/w/:ws', '/w/%E0%A4%A')).toBeNull();
  });
});

describe('useRoutes() and Link', () => {
  it('renders the matching route and switches routes on a link click without a page load', () => {
    window.history.replaceState(null, '', '/');
    render(<TestApp />);
    const before = window.history.length;

    fireEvent.click(screen.getByRole('link', { name: 'Members' }));

    expect(screen.getByRole('heading').textContent).toBe('Members of acme inc');
    expect(window.location.pathname).toBe('/w/acme%20inc/members');
    expect(window.history.length).toBe(before + 1);
  });

  it('leaves modified clicks (open in new tab) to the browser', () => {
    window.history.replaceState(null, '', '/');
    render(<TestApp />);
    let prevented: boolean | null = null;
    const record = (event: MouseEvent) => {
      prevented = event.defaultPrevented;
      event.preventDefault(); // jsdom cannot open tabs
    };
    document.addEventListener('click', record);

    fireEvent.click(screen.getByRole('link', { name: 'Members' }), { ctrlKey: true });
    document.removeEventListener('click', record);

    expect(prevented).toBe(false);
    expect(screen.getByRole('heading').textContent).toBe('Home');
  });

  it("follows the browser's back and forward buttons (popstate)", () => {
    window.history.replaceState(null, '', '/w/a/members');
    render(<TestApp />);
    expect(screen.getByRole('heading').textContent).toBe('Members of a');

    act(() => {
      window.history.replaceState(null, '', '/');
      window.dispatchEvent(new PopStateEvent('popstate'));
    });

    expect(screen.getByRole('heading').textContent).toBe('Home');
  });

  it('shows the fallback for an unknown path', () => {
    window.history.replaceState(null, '', '/nowhere');
    render(<TestApp />);
    expect(screen.getByRole('heading').textContent).toBe('Not found');
  });

  it('Redirect replaces the current entry instead of adding one', () => {
    window.history.replaceState(null, '', '/old');
    const before = window.history.length;
    render(<TestApp />);

    expect(window.location.pathname).toBe('/w/new/members');
    expect(window.history.length).toBe(before);
    expect(screen.getByRole('heading').textContent).toBe('Members of new');
  });

  it('navigate() updates components that read the query string', () => {
    window.history.replaceState(null, '', '/');
    render(<Search />);

    act(() => navigate('/login?next=%2Fw%2Fa%2Fmembers'));

    expect(screen.getByText('next is /w/a/members')).toBeTruthy();
  });
});

describe('safeNextPath()', () => {
  it('follows same-origin paths only', () => {
    expect(safeNextPath('/w/a/members?x=1')).toBe('/w/a/members?x=1');
    expect(safeNextPath('//evil.test/x')).toBeNull();
    expect(safeNextPath('/\\evil.test')).toBeNull();
    expect(safeNextPath('https://evil.test')).toBeNull();
    expect(safeNextPath(null)).toBeNull();
  });
});
