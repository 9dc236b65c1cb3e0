import { expect } from '@open-wc/testing';
import { readFile } from '@web/test-runner-commands';
import { en } from './en.js';
import { fr } from './fr.js';

/** the quoted names in `source` from `start` up to `end` (a union type or an array literal) */
async function namesIn(path: string, start: string, end: string): Promise<string[]> {
  const source = (await readFile({ path })) ?? '';
  const from = source.indexOf(start);
  expect(from, `${start} in ${path}`).to.be.greaterThan(-1);
  const block = source.slice(from, source.indexOf(end, from + start.length));
  return [...block.matchAll(/'([a-z]+\.[a-z]+)'/g)].map((match) => match[1]!);
}

// The Activity view labels every action the audit log can hold: core's AuditAction (what the server
// writes is typed by it) and the server kit's list of actions its `GET /audit` filters by.
describe('audit action labels', () => {
  it('gives every action the server records a label in each shipped language', async () => {
    const protocol = await namesIn('../../../core/src/protocol.ts', 'export type AuditAction =', ';');
    const server = await namesIn('../../../server-kit/src/rest/audit-params.ts', 'AUDIT_ACTIONS', '];');
    expect(protocol).to.include('upload.created');
    expect(server).to.have.members(protocol);
    for (const [lang, strings] of [
      ['en', en],
      ['fr', fr],
    ] as const) {
      const labels: Readonly<Record<string, string>> = strings.auditAction;
      for (const action of protocol) {
        expect(labels[action], `${action} in ${lang}`).to.be.a('string').and.not.equal('');
        expect(labels[action]).to.not.equal(action);
      }
      expect(Object.keys(labels)).to.have.members(protocol);
    }
  });
});
