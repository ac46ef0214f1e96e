// Imports run one way: product code of the connectors never reaches into test support.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect, test } from 'vitest';

const root = new URL('.', import.meta.url).pathname;

function productFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return productFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

test('no product file imports @switchyard/testing or the test folder', () => {
  const offenders = productFiles(root).filter((path) => /from '(@switchyard\/testing[^']*|(\.\.\/)+test\/[^']*)'/.test(readFileSync(path, 'utf8')));
  expect(offenders.map((path) => relative(root, path))).toEqual([]);
});
