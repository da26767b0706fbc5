import { XMLParser, XMLValidator, type X2jOptions } from 'fast-xml-parser';
import { fileProblem } from '../domain/import-problems.ts';

/**
 * Parses one XML part of an uploaded Office file. Office parts never need a DOCTYPE; a DOCTYPE is how
 * entity-expansion attacks ("billion laughs") and external entities get in, so any DOCTYPE or ENTITY
 * declaration is refused outright instead of being expanded with limits.
 */
export interface XmlGuardOptions {
  fileName: string;
  /** The part inside the zip, e.g. "word/document.xml", for the error message. */
  part: string;
  /** Largest XML text accepted (characters). */
  maxChars?: number;
  parser?: Partial<X2jOptions>;
}

const DEFAULT_MAX_XML_CHARS = 64 * 1024 * 1024;

const DECLARATION = /<!\s*(DOCTYPE|ENTITY)/i;

export function parseXmlSafely(xml: Buffer | string, options: XmlGuardOptions): unknown {
  const text = typeof xml === 'string' ? xml : xml.toString('utf8');
  const where = `${options.fileName}（${options.part}）`;
  const location = { file: options.fileName, field: options.part };
  if (text.length > (options.maxChars ?? DEFAULT_MAX_XML_CHARS)) {
    throw fileProblem('xml-too-large', `${where}：XML 过大`, location);
  }
  if (DECLARATION.test(text)) {
    throw fileProblem('xml-declaration', `${where}：XML 含有 DOCTYPE/ENTITY 声明，出于安全原因拒绝读取`, location);
  }
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    throw fileProblem('xml-malformed', `${where}：XML 格式错误（第 ${valid.err.line} 行：${valid.err.msg}）`, {
      ...location,
      line: valid.err.line,
    });
  }
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    processEntities: true,
    // Decodes numeric character references (&#20013;), which Office and WPS write; named HTML entities never occur in OOXML.
    htmlEntities: true,
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: false,
    ...options.parser,
  });
  return parser.parse(text);
}
