import { expect } from '@open-wc/testing';
import { UPLOAD_ERROR_CODES } from '@mediabay/core/engine';
import { en } from './en.js';
import { fr } from './fr.js';
import { uploadErrorText } from './upload-errors.js';

describe('upload error strings', () => {
  it('has a sentence in English and in French for every code of UPLOAD_ERROR_CODES', () => {
    expect(UPLOAD_ERROR_CODES.length).to.be.above(10);
    for (const code of UPLOAD_ERROR_CODES) {
      for (const strings of [en, fr]) {
        const text = strings.uploadErrors[code];
        expect(text, `${strings.locale} ${code}`)
          .to.be.a('string')
          .and.match(/^\p{Lu}.*[.…]$/u);
      }
      expect(fr.uploadErrors[code], code).not.to.equal(en.uploadErrors[code]);
    }
    // nothing beyond the codes core can send
    expect(Object.keys(en.uploadErrors).sort()).to.deep.equal([...UPLOAD_ERROR_CODES].sort());
    expect(Object.keys(fr.uploadErrors).sort()).to.deep.equal([...UPLOAD_ERROR_CODES].sort());
  });

  it("shows the server's words for a final answer, the locale's sentence otherwise", () => {
    const raw = 'tus: failed to resume upload, caused by [object ProgressEvent]';
    expect(uploadErrorText({ code: 'network', message: raw, retryable: true }, fr)).to.equal(
      fr.uploadErrors.network,
    );
    expect(
      uploadErrorText(
        { code: 'file-too-large', message: 'Over 2 GB.', retryable: false, fromServer: true },
        fr,
      ),
    ).to.equal('Over 2 GB.');
    // a server code the client does not know, without the server's words: core's English sentence
    expect(
      uploadErrorText({ code: 'teapot', message: 'The server refused the file.', retryable: false }, en),
    ).to.equal('The server refused the file.');
    expect(uploadErrorText(undefined, en)).to.equal(en.uploadErrors.unknown);
  });
});
