import { expect } from '@open-wc/testing';
import { en } from './en.js';
import { fr } from './fr.js';

describe('processing stages', () => {
  it('names the server’s stages in each language, and shows an unknown one as it came', () => {
    expect(en.processingStage('transcoding')).to.equal('Processing: converting for browsers');
    expect(fr.processingStage('transcoding')).to.equal('Traitement : conversion pour les navigateurs');
    expect(fr.processingStage('probing')).to.equal('Traitement : lecture du fichier');
    expect(en.processingStage('ocr')).to.equal('Processing: ocr');
  });
});
