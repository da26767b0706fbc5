import yazl from 'yazl';
import type { Indicator, Project, TargetsDocument } from '../../domain/targets.ts';

/*
 * A .docx as a person types the official layout in Word, built independently of writeTargetsDocx so that the
 * reader is tested against another producer: no TOC and no heading styles (plain bold paragraphs), Word's TC
 * fields beside the part headings (as in the seed), extra empty paragraphs, text split over many runs with
 * proofing marks and bookmarks between them, the unit line typed as a paragraph above each table, only 一级
 * merged vertically (二级 left empty in the rows below), a different grid, and numeric character references.
 */

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Splits text over several runs, with a proofing mark between two of them, as Word does after editing. */
function runs(text: string, bold = false): string {
  const rPr = bold
    ? '<w:rPr><w:b/><w:rFonts w:hint="eastAsia"/></w:rPr>'
    : '<w:rPr><w:rFonts w:hint="eastAsia"/></w:rPr>';
  const pieces: string[] = [];
  for (let i = 0; i < text.length; i += 3) pieces.push(text.slice(i, i + 3));
  return pieces
    .map((piece, i) => {
      // One character as a numeric reference, as some tools write them.
      const t = i === 1 && piece.length > 0 ? `&#${piece.codePointAt(0)};${escape(piece.slice(1))}` : escape(piece);
      const run = `<w:r>${rPr}<w:t xml:space="preserve">${t}</w:t></w:r>`;
      return i === 1 ? `<w:proofErr w:type="spellStart"/>${run}<w:proofErr w:type="spellEnd"/>` : run;
    })
    .join('');
}

export function para(text: string, options: { bold?: boolean; tc?: string } = {}): string {
  const tc = options.tc
    ? `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> TC "${escape(options.tc)}" \\f C \\l "1" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>`
    : '';
  return `<w:p><w:pPr><w:jc w:val="${options.bold ? 'center' : 'both'}"/></w:pPr><w:bookmarkStart w:id="0" w:name="_Toc1"/>${runs(text, options.bold)}${tc}<w:bookmarkEnd w:id="0"/></w:p>`;
}

const EMPTY = '<w:p/>';

interface Cell {
  text: string;
  span?: number;
  merge?: 'restart' | 'continue';
}

function cell({ text, span, merge }: Cell): string {
  const props = `${span ? `<w:gridSpan w:val="${span}"/>` : ''}${merge ? `<w:vMerge${merge === 'restart' ? ' w:val="restart"' : ''}/>` : ''}`;
  const paragraphs =
    text === ''
      ? EMPTY
      : text
          .split('\n')
          .map((line) => `<w:p>${runs(line)}</w:p>`)
          .join(EMPTY);
  return `<w:tc><w:tcPr><w:tcW w:w="0" w:type="auto"/>${props}</w:tcPr>${paragraphs}</w:tc>`;
}

function row(cells: Cell[]): string {
  return `<w:tr><w:trPr><w:jc w:val="center"/></w:trPr>${cells.map(cell).join('')}</w:tr>`;
}

/** A 12-column grid: budget row 7 cells, indicator rows 6 cells, spending rows 1 + checkpoints. */
function projectTable(project: Project): string {
  const n = Math.max(1, project.spendingPlan.length);
  const rows = [
    row([{ text: '项目编码' }, { text: project.code, span: 4 }, { text: '项目名称' }, { text: project.name, span: 6 }]),
    row([
      { text: '预算规模及资金用途', merge: 'restart' },
      { text: '预算数' },
      { text: project.budget.total ?? '', span: 2 },
      { text: '其中：财政资金', span: 2 },
      { text: project.budget.fiscal ?? '', span: 2 },
      { text: '其他资金', span: 2 },
      { text: project.budget.other ?? '', span: 2 },
    ]),
    row([
      { text: '', merge: 'continue' },
      { text: project.purpose, span: 11 },
    ]),
  ];
  if (project.spendingPlan.length > 0) {
    const span = Math.floor(11 / n);
    const last = 11 - span * (n - 1);
    const spans = project.spendingPlan.map((_, i) => (i === n - 1 ? last : span));
    rows.push(
      row([
        { text: '资金支出计划（%）', merge: 'restart' },
        ...project.spendingPlan.map((c, i) => ({ text: `${c.month}月底`, span: spans[i]! })),
      ]),
      row([
        { text: '', merge: 'continue' },
        ...project.spendingPlan.map((c, i) => ({
          text: c.cumulativePercent === null ? '' : c.cumulativePercent.toFixed(2),
          span: spans[i]!,
        })),
      ]),
    );
  }
  rows.push(
    row([{ text: '绩效目标' }, { text: project.goals.map((g, i) => `${i + 1}、${g}`).join('\n'), span: 11 }]),
    row([
      { text: '一级指标' },
      { text: '二级指标', span: 2 },
      { text: '三级指标', span: 2 },
      { text: '绩效指标描述', span: 3 },
      { text: '指标值', span: 2 },
      { text: '指标值确定依据', span: 2 },
    ]),
    ...project.indicators.map((indicator, i) => indicatorRow(indicator, project.indicators[i - 1])),
  );
  const grid = `<w:tblGrid>${'<w:gridCol w:w="800"/>'.repeat(12)}</w:tblGrid>`;
  return `<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr>${grid}${rows.join('')}</w:tbl>`;
}

/** 一级 merged vertically; 二级 simply left empty where it repeats (the reader fills it, with a note). */
function indicatorRow(indicator: Indicator, above: Indicator | undefined): string {
  const sameLevel1 = above?.level1 === indicator.level1;
  const sameLevel2 = sameLevel1 && above?.level2 === indicator.level2;
  return row([
    sameLevel1 ? { text: '', merge: 'continue' } : { text: indicator.level1, merge: 'restart' },
    { text: sameLevel2 ? '' : indicator.level2, span: 2 },
    { text: indicator.name, span: 2 },
    { text: indicator.description, span: 3 },
    { text: indicator.target.raw, span: 2 },
    { text: indicator.basis, span: 2 },
  ]);
}

export function handTypedBody(doc: TargetsDocument): string {
  const parts: string[] = [
    para(`${doc.unit.name}${doc.fiscalYear ?? ''}年度部门绩效目标`, { bold: true }),
    EMPTY,
    EMPTY,
  ];
  parts.push(para('第一部分', { bold: true }), para('部门整体绩效目标', { bold: true }), EMPTY);
  parts.push(para('一、总体绩效目标', { tc: '总体绩效目标' }), para(`${doc.unit.name}总体绩效目标`), EMPTY);
  for (const goal of doc.overall.goals) parts.push(para(`${goal.seq}.${goal.title}`), EMPTY, EMPTY);
  parts.push(para('二、分项绩效目标', { tc: '分项绩效目标' }), para(`${doc.unit.name}分项绩效目标`));
  for (const goal of doc.overall.goals) {
    if (goal.detail !== null)
      parts.push(...goal.detail.split('\n').map((line, i) => para(i === 0 ? `${goal.seq}.${line}` : line)));
  }
  parts.push(para('三、工作保障措施', { tc: '工作保障措施' }), para(`${doc.unit.name}工作保障措施`), EMPTY);
  for (const measure of doc.overall.measures) {
    parts.push(para(measure.heading), ...measure.items.map((item) => para(`${item.label}${item.text}`)));
  }
  parts.push(EMPTY, para('第二部分', { bold: true }), para('预算项目绩效目标', { bold: true }), EMPTY);
  doc.projects.forEach((project, i) => {
    parts.push(para(`${i + 1}、${project.name}绩效目标表`, { bold: true }));
    parts.push(para(`${doc.unit.code}${doc.unit.name}\u3000\u3000\u3000\u3000单位：元`));
    parts.push(projectTable(project), EMPTY);
  });
  return parts.join('');
}

/** A complete .docx package around a body: what Word needs to open it, nothing more. */
export function packageDocx(body: string, extra: Record<string, string> = {}): Promise<Buffer> {
  const files: Record<string, string> = {
    '[Content_Types].xml':
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    '_rels/.rels':
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    'word/document.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="${W}"><w:body>${body}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>`,
    ...extra,
  };
  const zip = new yazl.ZipFile();
  for (const [name, text] of Object.entries(files)) zip.addBuffer(Buffer.from(text, 'utf8'), name);
  zip.end();
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    zip.outputStream.on('data', (chunk: Buffer) => chunks.push(chunk));
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
    zip.outputStream.on('error', reject);
  });
}
