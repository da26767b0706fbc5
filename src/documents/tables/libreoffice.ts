import { execFile } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, extname, join } from 'node:path';
import { badInput } from './grid-cells.ts';

const TIMEOUT_MS = 60_000;

/** `soffice` (or `libreoffice`) on the PATH, or undefined. */
export function findSoffice(): string | undefined {
  for (const dir of (process.env['PATH'] ?? '').split(delimiter)) {
    for (const name of ['soffice', 'libreoffice']) {
      const path = join(dir, name);
      try {
        accessSync(path, constants.X_OK);
        return path;
      } catch {
        // not in this directory
      }
    }
  }
  return undefined;
}

/**
 * An old binary Office file (.doc/.xls/.wps/.et) converted to .docx/.xlsx by LibreOffice, when it is installed.
 * Each conversion has its own temp directory and LibreOffice profile, so parallel imports do not collide.
 */
export async function convertWithLibreOffice(bytes: Buffer, fileName: string, to: 'docx' | 'xlsx'): Promise<Buffer> {
  const soffice = findSoffice();
  if (!soffice) {
    throw badInput(
      fileName,
      `读取 ${extname(fileName) || '旧版 Office'} 文件需要 LibreOffice：请安装（Debian/Ubuntu：apt-get install libreoffice-writer-nogui libreoffice-calc-nogui）或在 Word/WPS 中另存为 .docx/.xlsx`,
    );
  }
  const dir = await mkdtemp(join(tmpdir(), 'jixiao-lo-'));
  try {
    // A fixed ASCII name: LibreOffice names its output after the input, whatever the upload was called.
    const input = join(dir, `input${oldExtension(fileName, to)}`);
    await writeFile(input, bytes);
    await run(soffice, [
      `-env:UserInstallation=file://${dir}/profile`,
      '--headless',
      '--norestore',
      '--convert-to',
      to,
      '--outdir',
      dir,
      input,
    ]);
    try {
      return await readFile(join(dir, `input.${to}`));
    } catch {
      throw badInput(
        fileName,
        `LibreOffice 无法转换此文件（文件可能已损坏或不是 ${to === 'docx' ? 'Word' : 'Excel'} 文件）`,
      );
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** LibreOffice picks its import filter partly by extension: keep the upload's, or the usual one. */
function oldExtension(fileName: string, to: 'docx' | 'xlsx'): string {
  const extension = extname(fileName).toLowerCase();
  return /^\.(doc|xls|wps|et|rtf)$/.test(extension) ? extension : to === 'docx' ? '.doc' : '.xls';
}

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve) => {
    // A failed or timed-out conversion leaves no output file, which the caller reports.
    execFile(command, args, { timeout: TIMEOUT_MS, killSignal: 'SIGKILL' }, () => resolve());
  });
}
