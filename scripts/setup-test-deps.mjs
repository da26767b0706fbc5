#!/usr/bin/env node
// Installs what the test suite needs beyond npm packages, only when missing, from Debian's apt:
// Chromium (browser tests), a CJK font (screenshots render Chinese), PostgreSQL 15 (DB tier),
// Liberation fonts (metric twins of Times New Roman, which the exported documents name: without
// them LibreOffice falls back to the wider DejaVu and amounts wrap in the printed tables),
// LibreOffice Writer and poppler (exported .docx files are opened and converted in a test).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';

const has = (cmd, args = []) => spawnSync(cmd, args, { stdio: 'ignore' }).status === 0;

function postgresBinDir() {
  if (has('sh', ['-c', 'command -v initdb && command -v pg_ctl'])) return 'PATH';
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return null;
  const version = readdirSync(base).find((v) => existsSync(`${base}/${v}/bin/initdb`));
  return version ? `${base}/${version}/bin` : null;
}

function hasFont(pattern) {
  if (!has('sh', ['-c', 'command -v fc-list'])) return false;
  const out = spawnSync('fc-list', [':', 'family'], { encoding: 'utf8' });
  return out.status === 0 && pattern.test(out.stdout);
}

function hasCjkFont() {
  if (!has('sh', ['-c', 'command -v fc-list'])) return false;
  const out = spawnSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8' });
  return out.status === 0 && out.stdout.trim().length > 0;
}

const missing = [];
if (!existsSync('/usr/bin/chromium')) missing.push('chromium');
if (!hasCjkFont()) missing.push('fonts-noto-cjk');
if (!hasFont(/Liberation Serif/)) missing.push('fonts-liberation2');
if (!postgresBinDir() || !has('id', ['postgres'])) missing.push('postgresql');
if (!has('sh', ['-c', 'command -v soffice'])) missing.push('libreoffice-writer-nogui', 'libreoffice-calc-nogui');
else if (!existsSync('/usr/lib/libreoffice/program/libscdlo.so')) missing.push('libreoffice-calc-nogui');
if (!has('sh', ['-c', 'command -v pdftotext && command -v pdftoppm'])) missing.push('poppler-utils');

if (missing.length === 0) {
  console.log('setup: chromium, CJK and Liberation fonts, PostgreSQL, LibreOffice and poppler are present');
  process.exit(0);
}

const isRoot = process.getuid?.() === 0;
const sudo = isRoot ? [] : has('sudo', ['-n', 'true']) ? ['sudo', '-n'] : null;
if (!sudo) {
  console.error(
    `setup: missing ${missing.join(', ')}; install them with: sudo apt-get install -y ${missing.join(' ')}`,
  );
  process.exit(1);
}
const run = (args) => {
  const [cmd, ...rest] = [...sudo, ...args];
  console.log(`setup: ${[cmd, ...rest].join(' ')}`);
  execFileSync(cmd, rest, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
};
run(['apt-get', 'update', '-qq']);
run(['apt-get', 'install', '-y', '-qq', '--no-install-recommends', ...missing]);
