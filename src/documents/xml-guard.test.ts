import { describe, expect, it } from 'vitest';
import { AppError } from '../domain/errors.ts';
import { parseXmlSafely } from './xml-guard.ts';

function refusal(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

const where = { fileName: 'a.docx', part: 'word/document.xml' };

describe('parseXmlSafely', () => {
  it('parses an Office part with namespaced tags and attributes', () => {
    const xml = '<?xml version="1.0"?><w:p><w:r><w:t xml:space="preserve">山海关 &amp; 区</w:t></w:r></w:p>';
    expect(parseXmlSafely(xml, where)).toEqual({
      '?xml': { '@_version': '1.0' },
      'w:p': { 'w:r': { 'w:t': { '#text': '山海关 & 区', '@_xml:space': 'preserve' } } },
    });
  });

  it('refuses a billion-laughs document before expanding anything', () => {
    const bomb =
      '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]><w:t>&lol2;</w:t>';
    const error = refusal(() => parseXmlSafely(bomb, where));
    expect(error.code).toBe('BAD_INPUT');
    expect(error.message).toBe('a.docx（word/document.xml）：XML 含有 DOCTYPE/ENTITY 声明，出于安全原因拒绝读取');
  });

  it('refuses an external entity declared without a DOCTYPE keyword in upper case', () => {
    const error = refusal(() => parseXmlSafely('<!doctype x SYSTEM "file:///etc/passwd"><x/>', where));
    expect(error.message).toContain('DOCTYPE/ENTITY');
  });

  it('refuses malformed XML with the line of the problem', () => {
    const error = refusal(() => parseXmlSafely('<a>\n<b>\n</a>', where));
    expect(error.code).toBe('BAD_INPUT');
    expect(error.message).toMatch(/^a\.docx（word\/document\.xml）：XML 格式错误（第 \d 行/);
  });

  it('refuses XML above the size limit', () => {
    const error = refusal(() => parseXmlSafely(`<a>${'x'.repeat(100)}</a>`, { ...where, maxChars: 50 }));
    expect(error.message).toContain('XML 过大');
  });
});
