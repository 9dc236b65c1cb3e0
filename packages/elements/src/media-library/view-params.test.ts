import { expect } from '@open-wc/testing';
import { paramsFromView, paramsKey } from './view-params.js';

describe('library query params from the view', () => {
  it('defaults to newest first and leaves out empty filters', () => {
    expect(paramsFromView(undefined)).to.deep.equal({ sort: 'createdAt', order: 'desc', limit: 200 });
    expect(paramsFromView({ mode: 'grid', q: '  ', type: '', sort: 'name', order: 'asc' })).to.deep.equal({
      sort: 'name',
      order: 'asc',
      limit: 200,
    });
  });

  it('keeps a trimmed search and a type filter', () => {
    expect(paramsFromView({ q: ' cat ', type: 'video' })).to.deep.equal({
      q: 'cat',
      type: 'video',
      sort: 'createdAt',
      order: 'desc',
      limit: 200,
    });
  });

  it('gives the same key for the same params in any order, and a new key when they differ', () => {
    expect(paramsKey({ sort: 'name', q: 'a' })).to.equal(paramsKey({ q: 'a', sort: 'name' }));
    expect(paramsKey({ sort: 'name' })).not.to.equal(paramsKey({ sort: 'size' }));
  });

  it('ignores the display mode, which does not change the query', () => {
    const base = { q: 'x', sort: 'name', order: 'asc' } as const;
    expect(paramsKey(paramsFromView({ ...base, mode: 'grid' }))).to.equal(
      paramsKey(paramsFromView({ ...base, mode: 'list' })),
    );
  });
});
