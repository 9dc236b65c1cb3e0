// File names shown safely: bidirectional formatting controls (LRE, RLE, PDF, LRO, RLO, LRI, RLI, FSI,
// PDI and the LRM, RLM and ALM marks) are removed on ingest and rename, so "evil\u202Egnp.exe" is stored
// and shown as "evilgnp.exe", never as "evilexe.png".
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/g;

export function stripBidiControls(name: string): string {
  return name.replace(BIDI_CONTROLS, '');
}
