import { expect } from '@open-wc/testing';
import { html, render } from 'lit';
import type { UploadItem } from '@mediabay/core';
import type { MediaFile } from '@mediabay/core/protocol';
import { en } from '../i18n/en.js';
import { renderGridItem } from './library-item.js';
import { LibraryRows, type RowSource } from './library-rows.js';

const file = (id: string, operationId = ''): MediaFile => ({
  id,
  name: `${id}.txt`,
  type: 'document',
  mimeType: 'text/plain',
  size: 1024,
  status: 'ready',
  createdAt: '2026-11-26T12:00:00.000Z',
  updatedAt: '2026-11-26T12:00:00.000Z',
  ownerId: 'u',
  tags: [],
  contentUrl: `/api/media/${id}/content`,
  usages: [],
  operationId,
});

const upload = (operationId: string, status: UploadItem['status']): UploadItem => ({
  operationId,
  name: `${operationId}.txt`,
  size: 1024,
  mimeType: 'text/plain',
  type: 'document',
  status,
  progress: status === 'uploading' ? 50 : 100,
  bytesUploaded: 512,
  timeRemaining: null,
  speed: 0,
  addedAt: 0,
});

const source = (items: MediaFile[], uploads: Record<string, UploadItem> = {}): RowSource => ({
  items,
  uploads,
  selected: new Set(),
  leaving: new Set(),
  active: -1,
  posters: new Map(),
  render: renderGridItem,
  t: en,
});

/** renders items first..last as the virtualizer would, after telling the rows that range */
function renderRange(rows: LibraryRows, first: number, last: number, into: HTMLElement): void {
  rows.onRangeChanged(Object.assign(new Event('rangeChanged'), { first, last }));
  const parts = [];
  for (let i = first; i <= last; i++) parts.push(rows.renderItem('', i));
  render(html`${parts}`, into);
}

describe('library rows (what the virtualizer gets)', () => {
  it('keeps the key array while the order of keys stays, an upload keeping its key when its server record arrives', () => {
    const rows = new LibraryRows();
    const optimistic = [file('op_a', 'op_a'), file('f_b', 'op_b'), file('f_c')];
    const keys = rows.keysOf(optimistic);
    expect(keys).to.deep.equal(['op_a', 'op_b', 'f_c']);
    const settled = [file('f_a', 'op_a'), optimistic[1]!, optimistic[2]!];
    expect(rows.keysOf(settled)).to.equal(keys);
    expect(rows.keysOf([settled[1]!, settled[0]!, settled[2]!])).to.deep.equal(['op_b', 'op_a', 'f_c']);
    const twice = [file('f_a', 'op_a'), file('f_a2', 'op_a')];
    expect(rows.keysOf(twice)).to.deep.equal(['op_a', 'f_a2'], 'a second file of one operation');
  });

  it('asks the virtualizer to render again only when an item in the DOM would look different', () => {
    const rows = new LibraryRows();
    const items = Array.from({ length: 10 }, (_, i) => file(`f_${i}`, `op_${i}`));
    const uploads = { op_1: upload('op_1', 'uploading'), op_8: upload('op_8', 'uploading') };
    rows.use(source(items, uploads));
    expect(rows.takeStale()).to.equal(false, 'nothing rendered yet');
    const host = document.createElement('div');
    renderRange(rows, 0, 3, host);
    expect(host.querySelectorAll('[part~="item"]')).to.have.length(4);

    rows.use(source(items, { ...uploads, op_8: upload('op_8', 'processing') }));
    expect(rows.takeStale()).to.equal(false, 'an upload out of view moved');

    const later = { ...uploads, op_1: upload('op_1', 'processing') };
    rows.use(source(items, later));
    expect(rows.takeStale()).to.equal(true, 'an upload in view moved');
    expect(rows.takeStale()).to.equal(false, 'once per change');
    renderRange(rows, 0, 3, host);
    expect(host.querySelectorAll('[part~="item"]')[1]!.getAttribute('data-status')).to.equal('processing');

    const replaced = items.slice();
    replaced[2] = file('f_new', 'op_2');
    rows.use(source(replaced, later));
    expect(rows.takeStale()).to.equal(true, 'a file in view was replaced');
    renderRange(rows, 0, 3, host);
    expect(host.querySelectorAll('[part~="item"]')[2]!.getAttribute('data-id')).to.equal('f_new');
  });
});
