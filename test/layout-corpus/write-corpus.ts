import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CORPUS, FORMATS, corpusFile, corpusFileName } from './index.ts';

/**
 * `npm run corpus -- <dir>`: writes every corpus document as .docx, .xlsx and .txt, with its facts as
 * <id>.facts.json, so that people can open the files in Word, WPS or LibreOffice and try `jixiao parse` on them.
 */
const dir = process.argv[2];
if (!dir) {
  console.error('usage: npm run corpus -- <dir>');
  process.exit(2);
}
const out = resolve(dir);
mkdirSync(out, { recursive: true });
for (const document of CORPUS) {
  for (const format of FORMATS)
    writeFileSync(join(out, corpusFileName(document, format)), await corpusFile(document, format));
  writeFileSync(join(out, `${document.id}.facts.json`), `${JSON.stringify(document.facts, null, 2)}\n`);
}
console.log(`${CORPUS.length} documents × ${FORMATS.length} formats written to ${out}`);
