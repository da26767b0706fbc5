import type { PublicIndexRow, PublicVersion } from '../db/disclosure-public.repo.ts';
import { DISCLOSURE_KIND_NAMES, MANIFEST_FILE } from '../domain/disclosure/packages.ts';
import { publicPath } from '../domain/disclosure/status.ts';

/**
 * The public disclosure pages as plain server-written HTML (decision 047): readable without JavaScript and by
 * search engines, Chinese, every stored text escaped here. The style is inline (the CSP allows inline styles;
 * scripts are neither used nor allowed).
 */

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escape = (text: string | number): string => String(text).replace(/[&<>"']/g, (c) => ESCAPES[c]!);
/** A path built from stored codes and names, percent-encoded segment by segment, then HTML-escaped. */
const href = (path: string): string => escape(path);

const STYLE = `body{font-family:"Noto Serif SC","Songti SC",serif;margin:0;color:#1f1f1f;background:#fafafa}
main{max-width:960px;margin:0 auto;padding:16px}h1{font-size:1.4rem}h2{font-size:1.1rem;margin-top:1.5rem}
a{color:#0b57d0}.box{overflow-x:auto}table{border-collapse:collapse;width:100%;background:#fff}
th,td{border:1px solid #ccc;padding:6px 8px;text-align:left;vertical-align:top}
td.hash{font-family:monospace;font-size:.75rem;word-break:break-all}nav{font-size:.9rem;margin-bottom:8px}
footer{color:#666;font-size:.8rem;margin-top:24px}`;

function page(title: string, nav: string, body: string): string {
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="index,follow"><title>${escape(title)}</title><style>${STYLE}</style></head>
<body><main><nav>${nav}</nav><h1>${escape(title)}</h1>${body}
<footer>预算绩效信息公开 · 本页内容为已发布的公开文件，文件的 SHA-256 校验值见清单（manifest.json）。</footer></main></body></html>`;
}

const when = (iso: string): string => escape(iso.slice(0, 10));

export function yearsPage(bureauCode: string, bureauName: string, years: readonly number[]): string {
  const items = years
    .map((year) => `<li><a href="${href(publicPath(bureauCode, year))}">${year} 年度</a></li>`)
    .join('');
  return page(`${bureauName} 预算绩效信息公开`, '', `<ul>${items}</ul>`);
}

export function indexPage(
  bureauCode: string,
  bureauName: string,
  year: number,
  rows: readonly PublicIndexRow[],
): string {
  const lines = rows
    .map(
      (row) =>
        `<tr><td>${escape(row.unitCode)}</td><td>${escape(row.unitName)}</td><td><a href="${href(
          publicPath(bureauCode, year, row.unitCode, row.kind),
        )}">${DISCLOSURE_KIND_NAMES[row.kind]}</a></td><td>${when(row.publishedAt)}</td></tr>`,
    )
    .join('');
  const nav = `<a href="${href(`/public/${encodeURIComponent(bureauCode)}/`)}">${escape(bureauName)}</a>`;
  return page(
    `${bureauName} ${year} 年度预算绩效信息公开`,
    nav,
    `<div class="box"><table><thead><tr><th>单位编码</th><th>单位名称</th><th>公开内容</th><th>发布日期</th></tr></thead><tbody>${lines}</tbody></table></div>`,
  );
}

export function packagePage(bureauCode: string, versions: readonly PublicVersion[]): string {
  const latest = versions[0]!;
  const m = latest.manifest;
  const base = publicPath(bureauCode, m.fiscalYear, m.unit.code, m.kind);
  const nav = `<a href="${href(`/public/${encodeURIComponent(bureauCode)}/`)}">${escape(m.bureau.name)}</a> › <a href="${href(
    publicPath(bureauCode, m.fiscalYear),
  )}">${m.fiscalYear} 年度</a>`;
  const older = versions.slice(1);
  const olderList =
    older.length === 0
      ? ''
      : `<h2>以前发布的版本</h2><ul>${older
          .map((v) => `<li>第 ${v.version} 版（${when(v.publishedAt)}）：${fileLinks(`${base}/${v.version}`, v)}</li>`)
          .join('')}</ul>`;
  const body = `<p>单位：${escape(m.unit.name)}（${escape(m.unit.code)}）&#12288;年度：${m.fiscalYear}&#12288;第 ${latest.version} 版，发布于 ${when(
    latest.publishedAt,
  )}</p>${filesTable(base, latest)}<p><a href="${href(`${base}/${MANIFEST_FILE}`)}">清单 ${MANIFEST_FILE}</a></p>${olderList}`;
  return page(`${m.unit.name} ${m.fiscalYear} 年度${m.kindName}`, nav, body);
}

function filesTable(base: string, version: PublicVersion): string {
  const rows = version.manifest.files
    .map(
      (f) =>
        `<tr><td><a href="${href(`${base}/${encodeURIComponent(f.name)}`)}">${escape(f.name)}</a><br>${escape(
          f.title,
        )}</td><td>${sizeText(f.size)}</td><td class="hash">${escape(f.sha256)}</td></tr>`,
    )
    .join('');
  return `<div class="box"><table><thead><tr><th>文件</th><th>大小</th><th>SHA-256</th></tr></thead><tbody>${rows}</tbody></table></div>`;
}

function fileLinks(base: string, version: PublicVersion): string {
  return [...version.manifest.files.map((f) => f.name), MANIFEST_FILE]
    .map((name) => `<a href="${href(`${base}/${encodeURIComponent(name)}`)}">${escape(name)}</a>`)
    .join('，');
}

function sizeText(bytes: number): string {
  return bytes < 1024 ? `${bytes} 字节` : `${(bytes / 1024).toFixed(1)} KB`;
}

/** The one answer to every address that is not public: nothing says whether something exists there. */
export function notFoundPage(): string {
  return page('找不到该公开页面', '', '<p>该地址没有公开的内容。</p>');
}
