// Test setup: a clean DOM, URL and storage per test, and any console error fails the test that caused it.
import { cleanup } from '@testing-library/react';
import { afterEach, beforeEach, expect, vi } from 'vitest';

let consoleErrors: string[] = [];

beforeEach(() => {
  consoleErrors = [];
  const original = console.error.bind(console);
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    consoleErrors.push(args.map(String).join(' '));
    original(...args);
  });
});

afterEach(() => {
  cleanup();
  window.history.replaceState(null, '', '/');
  localStorage.clear();
  document.title = '';
  expect(consoleErrors, 'the test logged console errors').toEqual([]);
});
