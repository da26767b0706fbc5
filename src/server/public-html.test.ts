import { describe, expect, it } from 'vitest';
import type { DisclosureManifest } from '../domain/disclosure/packages.ts';
import { indexPage, notFoundPage, packagePage } from './public-html.ts';

const HOSTILE = '<script>alert("x")</script>&\'';

const manifest: DisclosureManifest = {
  format: 'jixiao/disclosure@1',
  bureau: { code: 'B', name: HOSTILE },
  unit: { code: 'U1', name: HOSTILE },
  fiscalYear: 2020,
  kind: 'budget',
  kindName: '预算公开',
  version: 2,
  generatedAt: '2021-01-01T00:00:00Z',
  generatedBy: HOSTILE,
  files: [{ name: `${HOSTILE}.docx`, title: HOSTILE, contentType: 'x', size: 2048, sha256: 'ab'.repeat(32) }],
};

describe('the public pages', () => {
  it('escape every stored text and carry lang, robots and no script', () => {
    const pages = [
      indexPage('B', HOSTILE, 2020, [{ unitCode: 'U1', unitName: HOSTILE, kind: 'final', publishedAt: '2021-01-01' }]),
      packagePage('B', [
        { version: 2, publishedAt: '2021-02-01T00:00:00Z', manifest },
        { version: 1, publishedAt: '2021-01-01T00:00:00Z', manifest: { ...manifest, version: 1 } },
      ]),
      notFoundPage(),
    ];
    for (const html of pages) {
      expect(html).not.toContain('<script');
      expect(html).toContain('<html lang="zh-CN">');
      expect(html).toContain('<meta name="robots" content="index,follow">');
    }
    expect(pages[0]).toContain('&lt;script&gt;');
    expect(pages[1]).toContain('href="/public/B/2020/U1/budget/1/%3Cscript%3E');
    expect(pages[1]).toContain('2.0 KB');
    expect(pages[1]).toContain('第 2 版');
  });
});
