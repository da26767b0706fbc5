import type { IStylesOptions } from 'docx';

/*
 * Official target documents are set in 仿宋 (body), 黑体 (headings) and 宋体 (tables). The east-Asian font slot carries
 * those names, which Windows and WPS have; the Latin slots carry Times New Roman. On a machine without them (LibreOffice
 * on Linux) the east-Asian language "zh-CN" makes the substitute a Simplified Chinese font: without it LibreOffice
 * picks Japanese glyph variants (guide, stack.md).
 */
export const FONT = {
  body: { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '仿宋', cs: 'Times New Roman' },
  heading: { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '黑体', cs: 'Times New Roman' },
  table: { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '宋体', cs: 'Times New Roman' },
  title: { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '方正小标宋简体', cs: 'Times New Roman' },
} as const;

export const LANGUAGE = { value: 'en-US', eastAsia: 'zh-CN' } as const;

/** Half-points: 三号 16pt = 32, 四号 14pt = 28, 小四 12pt = 24, 五号 10.5pt = 21. */
export const SIZE = { title: 44, part: 32, heading: 30, body: 28, table: 21 } as const;

/** A4 in twips, 2.54 cm / 2 cm margins as most government templates. */
export const PAGE = { width: 11906, height: 16838, marginTop: 1440, marginBottom: 1440, marginX: 1134 } as const;
export const TEXT_WIDTH = PAGE.width - 2 * PAGE.marginX;

export const STYLES: IStylesOptions = {
  default: {
    document: {
      run: { font: FONT.body, size: SIZE.body, language: LANGUAGE },
      paragraph: { spacing: { line: 360 } },
    },
    heading1: {
      run: { font: FONT.heading, size: SIZE.part, bold: false, color: '000000', language: LANGUAGE },
      paragraph: { alignment: 'center', spacing: { before: 240, after: 240 }, keepNext: true },
    },
    heading2: {
      run: { font: FONT.heading, size: SIZE.heading, bold: false, color: '000000', language: LANGUAGE },
      paragraph: { spacing: { before: 180, after: 120 }, keepNext: true },
    },
    title: {
      run: { font: FONT.title, size: SIZE.title, bold: true, color: '000000', language: LANGUAGE },
      paragraph: { alignment: 'center', spacing: { before: 2400, after: 600 } },
    },
  },
  paragraphStyles: [
    {
      id: 'TableText',
      name: 'Table Text',
      basedOn: 'Normal',
      run: { font: FONT.table, size: SIZE.table, language: LANGUAGE },
      paragraph: { spacing: { line: 260, before: 0, after: 0 } },
    },
  ],
};
