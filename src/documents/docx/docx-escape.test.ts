import { describe, expect, it } from 'vitest';
import type { TargetsDocument } from '../../domain/targets.ts';
import { fixtureJson } from '../../../test/seed-text.ts';
import { parseXmlSafely } from '../xml-guard.ts';
import { readZipSafely } from '../zip-guard.ts';
import { readTargetsDocx, writeTargetsDocx } from './index.ts';
import { xmlText } from './xml-text.ts';

const seed = (): TargetsDocument => ({
  ...(fixtureJson('shanhaiguan-2020.expected.json') as TargetsDocument),
  fiscalYear: 2020,
});

describe('text in the hand-written WordprocessingML', () => {
  it('escapes the five XML specials and drops what XML 1.0 cannot hold', () => {
    expect(xmlText(`a<b>&"c'`)).toBe('a&lt;b&gt;&amp;&quot;c&apos;');
    expect(xmlText('x\u0000y\u0001\u0008\u000B\u000C\u001Fz\uFFFE\uFFFF')).toBe('xyz');
    expect(xmlText('tab\tlf\ncr\r')).toBe('tab\tlf\ncr\r');
    // A lone surrogate goes; a pair (an emoji, a rare CJK ideograph) stays.
    expect(xmlText('\uD83D|\uDE00|😀|𠀀')).toBe('||😀|𠀀');
  });

  it('round-trips names, descriptions and targets full of <>&"\' and drops control characters', async () => {
    const base = seed();
    const project = base.projects[0]!;
    const indicator = project.indicators[0]!;
    const document: TargetsDocument = {
      ...base,
      unit: { ...base.unit, name: `${base.unit.name}<&>` },
      projects: [
        {
          ...project,
          name: `"引号" & 'apos' <标签>\u0001`,
          purpose: 'a < b && c > d\u0007',
          indicators: [
            { ...indicator, description: '<w:t>注入</w:t>]]>', basis: `'&amp;'` },
            ...project.indicators.slice(1),
          ],
        },
      ],
    };
    const bytes = await writeTargetsDocx(document);
    const files = await readZipSafely(bytes, { fileName: 'x.docx' });
    // Well-formed: the same guarded parser the reader uses accepts every part.
    for (const [part, xml] of files) parseXmlSafely(xml, { fileName: 'x.docx', part, parser: { preserveOrder: true } });
    const read = (await readTargetsDocx(bytes, { fileName: 'x.docx' })).document;
    expect(read.unit.name).toBe(`${base.unit.name}<&>`);
    expect(read.projects[0]!.name).toBe(`"引号" & 'apos' <标签>`);
    expect(read.projects[0]!.purpose).toBe('a < b && c > d');
    expect(read.projects[0]!.indicators[0]!.description).toBe('<w:t>注入</w:t>]]>');
    expect(read.projects[0]!.indicators[0]!.basis).toBe(`'&amp;'`);
  });
});
