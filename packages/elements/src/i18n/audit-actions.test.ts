import { expect } from '@open-wc/testing';
import { AUDIT_ACTIONS } from '@mediabay/core/protocol';
import { en } from './en.js';
import { fr } from './fr.js';

// The Activity view labels every action the audit log can hold: core's AUDIT_ACTIONS, the list the
// server kit's `GET /audit` filters by and AuditAction (what the server writes) is typed from.
describe('audit action labels', () => {
  it('gives every action the server records a label in each shipped language', () => {
    expect(AUDIT_ACTIONS).to.include('upload.created');
    for (const [lang, strings] of [
      ['en', en],
      ['fr', fr],
    ] as const) {
      const labels: Readonly<Record<string, string>> = strings.auditAction;
      for (const action of AUDIT_ACTIONS) {
        expect(labels[action], `${action} in ${lang}`).to.be.a('string').and.not.equal('');
        expect(labels[action]).to.not.equal(action);
      }
      expect(Object.keys(labels)).to.have.members([...AUDIT_ACTIONS]);
    }
  });
});
