import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { resolveStatic } from './static.js';

describe('resolveStatic', () => {
  const root = path.resolve('/srv/demo');
  const cases: [string, string | undefined][] = [
    ['', root],
    ['index.html', path.join(root, 'index.html')],
    ['a/b.js', path.join(root, 'a', 'b.js')],
    ['../etc/passwd', undefined],
    ['a/../../x', undefined],
    ['%2e%2e/x', undefined],
    ['..%2fx', undefined],
    ['a%5c..%5cx', undefined],
    ['a%00.html', undefined],
    ['.env', undefined],
    ['%E0%A4%A', undefined],
  ];
  for (const [urlPath, expected] of cases) {
    it(`maps ${JSON.stringify(urlPath)} to ${expected ?? 'nothing'}`, () => {
      assert.equal(resolveStatic(root, urlPath), expected);
    });
  }
});
