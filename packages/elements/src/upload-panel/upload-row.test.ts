import { expect, fixture, html } from '@open-wc/testing';
import { render } from 'lit';
import type { UploadItem, UploadStatus } from '@mediabay/core';
import { en } from '../i18n/en.js';
import { detailParts, renderRow, rowActions } from './upload-row.js';

const base: UploadItem = {
  operationId: 'op',
  name: 'a.mp4',
  size: 1,
  mimeType: 'video/mp4',
  type: 'video',
  status: 'queued',
  progress: 0,
  bytesUploaded: 0,
  timeRemaining: null,
  speed: 0,
  addedAt: 0,
};

describe('row actions by status', () => {
  const table: [UploadStatus, boolean, string[]][] = [
    ['queued', false, ['cancel']],
    ['uploading', false, ['pause', 'cancel']],
    ['paused', false, ['resume', 'cancel']],
    ['processing', false, []],
    ['ready', false, []],
    ['error', false, ['retry', 'cancel']],
    ['canceled', false, []],
    ['paused', true, ['choose', 'cancel']],
    ['ready', true, []],
  ];
  for (const [status, waiting, expected] of table) {
    it(`offers ${JSON.stringify(expected)} when ${status}${waiting ? ' and waiting for the file' : ''}`, () => {
      expect(rowActions({ ...base, status, waitingForFile: waiting })).to.deep.equal(expected);
    });
  }
});

describe('row detail line', () => {
  const uploading: UploadItem = {
    ...base,
    status: 'uploading',
    size: 120 * 2 ** 20,
    bytesUploaded: 18 * 2 ** 20,
    progress: 15,
    timeRemaining: 7,
  };

  /** A row rendered in a right-to-left page whose strings are English. */
  async function rtlRow(item: UploadItem): Promise<HTMLElement> {
    const host = await fixture<HTMLUListElement>(html`<ul dir="rtl" style="width:640px"></ul>`);
    render(
      renderRow(item, en, () => {}),
      host,
    );
    return host.querySelector<HTMLElement>('[part="row-detail"]')!;
  }

  /** Where a piece of text is drawn on screen. */
  function boxOf(root: HTMLElement, text: string): DOMRect {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent!.indexOf(text);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + text.length);
      return range.getBoundingClientRect();
    }
    throw new Error(`no "${text}"`);
  }

  it('isolates each part in its own <bdi>, separated by middle dots', async () => {
    const detail = await rtlRow(uploading);
    const parts = [...detail.querySelectorAll('bdi')];
    expect(parts.map((part) => part.textContent)).to.deep.equal(detailParts(uploading, en));
    expect(parts.map((part) => part.textContent)).to.deep.equal(['18 MB of 120 MB', '15%', '7 sec left']);
    for (const part of parts) expect(getComputedStyle(part).unicodeBidi).to.equal('isolate');
    expect(detail.textContent!.replace(/\s+/g, ' ').trim()).to.equal('18 MB of 120 MB · 15% · 7 sec left');
  });

  it('keeps English parts readable in a right-to-left page', async () => {
    const detail = await rtlRow(uploading);
    // scrambled, the leading "18" is drawn after "MB of 120 MB" (to its left in RTL order, far off)
    expect(boxOf(detail, '18').left).to.be.below(boxOf(detail, 'MB of').left);
    expect(boxOf(detail, '7 sec').left).to.be.below(boxOf(detail, 'left').left);
    // the parts themselves follow the page: the first is rightmost
    expect(boxOf(detail, '18 MB').left).to.be.above(boxOf(detail, '7 sec').left);
  });

  it('says the upload is finishing, not a time left, once every byte is sent', () => {
    const done = {
      ...base,
      status: 'uploading' as const,
      bytesUploaded: 10 * 2 ** 20,
      size: 10 * 2 ** 20,
      progress: 100,
    };
    expect(detailParts({ ...done, timeRemaining: 1 }, en)).to.deep.equal(['10 MB of 10 MB', en.finishing]);
  });

  it('isolates the parts of every status', () => {
    const table: [Partial<UploadItem>, number][] = [
      [{ status: 'paused', bytesUploaded: 5e6, size: 10e6, progress: 50 }, 3],
      [{ status: 'processing', processing: { stage: 'poster', progress: 40 } }, 2],
      [{ status: 'processing' }, 2],
      [{ status: 'ready' }, 2],
      [{ status: 'error', error: { code: 'x', message: 'Connection lost', retryable: true } }, 1],
      [{ status: 'paused', waitingForFile: true }, 1],
      [{ status: 'uploading', timeRemaining: null }, 2],
      [{ status: 'uploading', bytesUploaded: 10e6, size: 10e6, progress: 100, timeRemaining: 1 }, 2],
    ];
    for (const [over, count] of table)
      expect(detailParts({ ...base, ...over }, en), JSON.stringify(over)).to.have.length(count);
  });
});
