// `GET /me` and the `authorize` option: what each role may do, and a host's own rules replacing them.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ErrorBody, Me } from '@mediabay/core/protocol';
import { api, authenticate, createFile } from '../test-support/roles.test-helper.js';
import { startTestServer } from '../test-support/server.test-helper.js';
import { defaultAuthorize, type Authorize } from './authorize.js';

describe('GET /me', () => {
  it('says who the caller is and what each role may do', async () => {
    const server = await startTestServer({ authenticate });
    try {
      const can = async (user: string) => ((await api(server, user, 'GET', '/me')).body as Me).can;
      const me = (await api(server, 'alice', 'GET', '/me')).body as Me;
      assert.deepEqual([me.userId, me.tenantId, me.roles], ['alice', 't1', ['editor']]);
      assert.deepEqual(await can('vic'), {
        read: true,
        upload: false,
        rename: false,
        renameAny: false,
        tag: false,
        tagAny: false,
        delete: false,
        deleteAny: false,
        forceDelete: false,
        manageUsages: false,
        audit: false,
      });
      assert.deepEqual(me.can, {
        read: true,
        upload: true,
        rename: true,
        renameAny: false,
        tag: true,
        tagAny: false,
        delete: true,
        deleteAny: false,
        forceDelete: false,
        manageUsages: true,
        audit: false,
      });
      assert.ok(Object.values(await can('ada')).every(Boolean));
      assert.ok(Object.values(await can('nobody')).every((v) => !v));
    } finally {
      await server.close();
    }
  });
});

describe('the authorize option', () => {
  it('replaces the role rules for every route, /me included', async () => {
    const asked: string[] = [];
    // a host rule: nobody deletes on Fridays, and viewers may upload into their own space
    const authorize: Authorize = (user, action, file) => {
      asked.push(action);
      if (action === 'delete' && file?.name === 'friday.txt') return false;
      if (action === 'upload' && user.roles.includes('viewer')) return true;
      return defaultAuthorize(user, action, file);
    };
    const server = await startTestServer({ authenticate, authorize });
    try {
      assert.equal(((await api(server, 'vic', 'GET', '/me')).body as Me).can.upload, true);
      const mine = await createFile(server, 'vic', 'viewer-upload.txt');
      assert.equal(mine.ownerId, 'vic');
      const friday = await createFile(server, 'alice', 'friday.txt');
      const res = await api(server, 'ada', 'DELETE', `/${friday.id}`);
      assert.equal(res.status, 403);
      assert.equal((res.body as ErrorBody).error.code, 'forbidden');
      assert.ok(asked.includes('delete') && asked.includes('read'));
    } finally {
      await server.close();
    }
  });

  it('answers a host rule that throws an HttpError with its own status', async () => {
    const { HttpError } = await import('../http/errors.js');
    const server = await startTestServer({
      authenticate,
      authorize: () => {
        throw new HttpError(503, 'policy-unavailable', 'The policy service is down.');
      },
    });
    try {
      assert.equal((await api(server, 'ada', 'GET', '/')).status, 503);
    } finally {
      await server.close();
    }
  });
});
