import { expect } from '@open-wc/testing';
import { readEntries, type EntryLike } from './read-entries.js';

// Entries shaped like the File and Directory Entries API (they cannot be constructed in a page);
// the directory reader hands out at most 100 entries per call, as Chromium does.
function fileEntry(path: string): EntryLike {
  const name = path.split('/').pop()!;
  return {
    name,
    fullPath: path,
    isFile: true,
    isDirectory: false,
    file: (success) => success(new File(['x'], name, { type: 'text/plain' })),
  };
}

function dirEntry(path: string, children: EntryLike[]): EntryLike {
  return {
    name: path.split('/').pop()!,
    fullPath: path,
    isFile: false,
    isDirectory: true,
    createReader() {
      let offset = 0;
      return {
        readEntries(success) {
          const batch = children.slice(offset, offset + 100);
          offset += batch.length;
          setTimeout(() => success(batch), 0);
        },
      };
    },
  };
}

describe('reading dropped folders', () => {
  it('reads a folder of 250 files to the end, not just the first 100', async () => {
    const files = Array.from({ length: 250 }, (_, i) => fileEntry(`/big/f${i}.txt`));
    const result = await readEntries([dirEntry('/big', files)]);
    expect(result.files).to.have.length(250);
    expect(result.files[249]!.name).to.equal('f249.txt');
  });

  it('walks nested folders and keeps loose files, in drop order', async () => {
    const result = await readEntries([
      fileEntry('/a.txt'),
      dirEntry('/photos', [
        fileEntry('/photos/b.txt'),
        dirEntry('/photos/2026', [fileEntry('/photos/2026/c.txt')]),
      ]),
    ]);
    expect(result.files.map((file) => file.name)).to.deep.equal(['a.txt', 'b.txt', 'c.txt']);
    expect(result.emptyFolders).to.deep.equal([]);
  });

  it('reports empty folders, including folders holding only empty folders', async () => {
    const result = await readEntries([
      dirEntry('/empty', []),
      dirEntry('/outer', [dirEntry('/outer/inner', [])]),
      dirEntry('/full', [fileEntry('/full/x.txt')]),
    ]);
    expect(result.files).to.have.length(1);
    expect(result.emptyFolders).to.deep.equal(['/empty', '/outer/inner', '/outer']);
  });
});
