import { FONT, LANGUAGE, PAGE, SIZE } from './styles.ts';
import { xmlText } from './xml-text.ts';
import { zipParts } from './zip-writer.ts';

/*
 * The fixed parts of the .docx package, written once per process from the constants in styles.ts (the
 * same fonts, sizes and spacing the docx library was given before, see decision 015), and the zip that
 * holds them with the document part (zip-writer.ts). Only the parts Word and LibreOffice need: no numbering, notes,
 * theme or custom properties, which an official target document does not use.
 */
const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG = 'http://schemas.openxmlformats.org/package/2006/relationships';
const OFFICE = 'application/vnd.openxmlformats-officedocument';
const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

type Font = { ascii: string; hAnsi: string; eastAsia: string; cs: string };

/** rFonts with the east-Asian slot (仿宋/黑体/宋体) that Chinese text takes its face from. */
export function rFonts(font: Font): string {
  return `<w:rFonts w:ascii="${xmlText(font.ascii)}" w:hAnsi="${xmlText(font.hAnsi)}" w:eastAsia="${xmlText(font.eastAsia)}" w:cs="${xmlText(font.cs)}"/>`;
}

export function runSize(halfPoints: number): string {
  return `<w:sz w:val="${halfPoints}"/><w:szCs w:val="${halfPoints}"/>`;
}

const LANG = `<w:lang w:val="${LANGUAGE.value}" w:eastAsia="${LANGUAGE.eastAsia}"/>`;

function paragraphStyle(id: string, name: string, pPr: string, rPr: string, extra = ''): string {
  return (
    `<w:style w:type="paragraph" w:styleId="${id}"><w:name w:val="${name}"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/>${extra}` +
    `${pPr === '' ? '' : `<w:pPr>${pPr}</w:pPr>`}${rPr === '' ? '' : `<w:rPr>${rPr}</w:rPr>`}</w:style>`
  );
}

const headingRun = (font: Font, size: number, bold: boolean): string =>
  `${rFonts(font)}${bold ? '<w:b/><w:bCs/>' : '<w:b w:val="0"/><w:bCs w:val="0"/>'}<w:color w:val="000000"/>${runSize(size)}${LANG}`;

const STYLES_XML =
  `${HEAD}<w:styles xmlns:w="${W}">` +
  `<w:docDefaults><w:rPrDefault><w:rPr>${rFonts(FONT.body)}${runSize(SIZE.body)}${LANG}</w:rPr></w:rPrDefault>` +
  '<w:pPrDefault><w:pPr><w:spacing w:line="360" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>' +
  '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>' +
  '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/></w:style>' +
  '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:uiPriority w:val="99"/><w:semiHidden/>' +
  '<w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>' +
  paragraphStyle(
    'Title',
    'Title',
    '<w:spacing w:before="2400" w:after="600"/><w:jc w:val="center"/>',
    headingRun(FONT.title, SIZE.title, true),
    '<w:qFormat/>',
  ) +
  paragraphStyle(
    'Heading1',
    'heading 1',
    '<w:keepNext/><w:spacing w:before="240" w:after="240"/><w:jc w:val="center"/><w:outlineLvl w:val="0"/>',
    headingRun(FONT.heading, SIZE.part, false),
    '<w:qFormat/>',
  ) +
  paragraphStyle(
    'Heading2',
    'heading 2',
    '<w:keepNext/><w:spacing w:before="180" w:after="120"/><w:outlineLvl w:val="1"/>',
    headingRun(FONT.heading, SIZE.heading, false),
    '<w:qFormat/>',
  ) +
  paragraphStyle('TOC1', 'toc 1', '<w:spacing w:after="100"/>', '', '<w:uiPriority w:val="39"/><w:unhideWhenUsed/>') +
  paragraphStyle(
    'TOC2',
    'toc 2',
    '<w:spacing w:after="100"/><w:ind w:left="280"/>',
    '',
    '<w:uiPriority w:val="39"/><w:unhideWhenUsed/>',
  ) +
  '<w:style w:type="character" w:styleId="Hyperlink"><w:name w:val="Hyperlink"/><w:basedOn w:val="DefaultParagraphFont"/><w:uiPriority w:val="99"/><w:unhideWhenUsed/><w:rPr><w:color w:val="0563C1"/><w:u w:val="single"/></w:rPr></w:style>' +
  '<w:style w:type="paragraph" w:styleId="TableText"><w:name w:val="Table Text"/><w:basedOn w:val="Normal"/>' +
  `<w:pPr><w:spacing w:before="0" w:after="0" w:line="260" w:lineRule="auto"/></w:pPr><w:rPr>${rFonts(FONT.table)}${runSize(SIZE.table)}${LANG}</w:rPr></w:style>` +
  '</w:styles>';

/** charset 86 is GB2312: Word picks a Simplified Chinese substitute when the face is missing. */
const FONT_TABLE_XML =
  `${HEAD}<w:fonts xmlns:w="${W}">` +
  '<w:font w:name="Times New Roman"><w:panose1 w:val="02020603050405020304"/><w:charset w:val="00"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>' +
  [FONT.body, FONT.heading, FONT.table, FONT.title]
    .map(
      (font) =>
        `<w:font w:name="${xmlText(font.eastAsia)}"><w:charset w:val="86"/><w:family w:val="${font === FONT.heading ? 'modern' : 'roman'}"/><w:pitch w:val="variable"/></w:font>`,
    )
    .join('') +
  '</w:fonts>';

/** Children in the schema's order (Word is strict about it): the fields, the TOC among them, are updated on opening. */
const SETTINGS_XML =
  `${HEAD}<w:settings xmlns:w="${W}"><w:defaultTabStop w:val="720"/>` +
  '<w:characterSpacingControl w:val="compressPunctuation"/><w:updateFields w:val="true"/><w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>' +
  `<w:themeFontLang w:val="${LANGUAGE.value}" w:eastAsia="${LANGUAGE.eastAsia}"/></w:settings>`;

/** "— 3 —" centred: a PAGE field between dashes. */
const FOOTER_RUN = `<w:rPr>${rFonts(FONT.table)}${runSize(SIZE.table)}</w:rPr>`;
const FOOTER_XML =
  `${HEAD}<w:ftr xmlns:w="${W}" xmlns:r="${R}"><w:p><w:pPr><w:jc w:val="center"/></w:pPr>` +
  `<w:r>${FOOTER_RUN}<w:t xml:space="preserve">— </w:t></w:r><w:r>${FOOTER_RUN}<w:fldChar w:fldCharType="begin"/></w:r>` +
  `<w:r>${FOOTER_RUN}<w:instrText xml:space="preserve"> PAGE </w:instrText></w:r><w:r>${FOOTER_RUN}<w:fldChar w:fldCharType="separate"/></w:r>` +
  `<w:r>${FOOTER_RUN}<w:t>1</w:t></w:r><w:r>${FOOTER_RUN}<w:fldChar w:fldCharType="end"/></w:r>` +
  `<w:r>${FOOTER_RUN}<w:t xml:space="preserve"> —</w:t></w:r></w:p></w:ftr>`;

const CONTENT_TYPES_XML =
  `${HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
  `<Override PartName="/word/document.xml" ContentType="${OFFICE}.wordprocessingml.document.main+xml"/>` +
  `<Override PartName="/word/styles.xml" ContentType="${OFFICE}.wordprocessingml.styles+xml"/>` +
  `<Override PartName="/word/settings.xml" ContentType="${OFFICE}.wordprocessingml.settings+xml"/>` +
  `<Override PartName="/word/fontTable.xml" ContentType="${OFFICE}.wordprocessingml.fontTable+xml"/>` +
  `<Override PartName="/word/footer1.xml" ContentType="${OFFICE}.wordprocessingml.footer+xml"/>` +
  '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
  `<Override PartName="/docProps/app.xml" ContentType="${OFFICE}.extended-properties+xml"/></Types>`;

const ROOT_RELS_XML =
  `${HEAD}<Relationships xmlns="${PKG}">` +
  `<Relationship Id="rId1" Type="${R}/officeDocument" Target="word/document.xml"/>` +
  `<Relationship Id="rId2" Type="${PKG}/metadata/core-properties" Target="docProps/core.xml"/>` +
  `<Relationship Id="rId3" Type="${R}/extended-properties" Target="docProps/app.xml"/></Relationships>`;

/** The footer is rId4: the section properties in document.xml name it. */
const FOOTER_RID = 'rId4';
const DOCUMENT_RELS_XML =
  `${HEAD}<Relationships xmlns="${PKG}">` +
  `<Relationship Id="rId1" Type="${R}/styles" Target="styles.xml"/><Relationship Id="rId2" Type="${R}/settings" Target="settings.xml"/>` +
  `<Relationship Id="rId3" Type="${R}/fontTable" Target="fontTable.xml"/><Relationship Id="${FOOTER_RID}" Type="${R}/footer" Target="footer1.xml"/></Relationships>`;

const APP_XML = `${HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Jixiao</Application></Properties>`;

function coreXml(title: string, now: Date): string {
  const at = now.toISOString().replace(/\.\d{3}Z$/, 'Z');
  return (
    `${HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"` +
    ' xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${xmlText(title)}</dc:title><dc:creator>Jixiao</dc:creator>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${at}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${at}</dcterms:modified></cp:coreProperties>`
  );
}

/** The wrapper of word/document.xml: the body's XML goes between. */
export const DOCUMENT_OPEN = `${HEAD}<w:document xmlns:w="${W}" xmlns:r="${R}"><w:body>`;
export const DOCUMENT_CLOSE = '</w:body></w:document>';

/** Section properties for A4 portrait with the page-number footer. */
export const SECTION_XML =
  `<w:sectPr><w:footerReference w:type="default" r:id="${FOOTER_RID}"/>` +
  `<w:pgSz w:w="${PAGE.width}" w:h="${PAGE.height}"/>` +
  `<w:pgMar w:top="${PAGE.marginTop}" w:right="${PAGE.marginX}" w:bottom="${PAGE.marginBottom}" w:left="${PAGE.marginX}" w:header="708" w:footer="708" w:gutter="0"/>` +
  '<w:docGrid w:linePitch="360"/></w:sectPr>';

const FIXED_PARTS: (readonly [string, Buffer])[] = [
  ['[Content_Types].xml', CONTENT_TYPES_XML],
  ['_rels/.rels', ROOT_RELS_XML],
  ['word/_rels/document.xml.rels', DOCUMENT_RELS_XML],
  ['word/styles.xml', STYLES_XML],
  ['word/settings.xml', SETTINGS_XML],
  ['word/fontTable.xml', FONT_TABLE_XML],
  ['word/footer1.xml', FOOTER_XML],
  ['docProps/app.xml', APP_XML],
].map(([name, xml]) => [name!, Buffer.from(xml!, 'utf8')] as const);

/** The package around a finished document.xml, as the bytes of a .docx. */
export function packDocx(documentXml: string, title: string): Buffer {
  const now = new Date();
  return zipParts(
    [
      ...FIXED_PARTS,
      ['docProps/core.xml', Buffer.from(coreXml(title, now), 'utf8')],
      ['word/document.xml', Buffer.from(documentXml, 'utf8')],
    ],
    now,
  );
}
