import type { Db } from '../db/database.ts';
import { findUnitByCode, listUnitNames } from '../db/unit-names.repo.ts';
import { AppError } from '../domain/errors.ts';
import type { ImportNote } from '../domain/import-note.ts';
import type { StatedUnit, Unit } from '../domain/targets.ts';
import { foldName, matchUnitName } from '../domain/unit-match.ts';

export interface UnitChoice {
  /** `--unit CODE` on the command line. */
  unitCode?: string;
  /** The unit of the page an upload was made on (the web import is per unit). */
  expectUnitCode?: string;
  fileName: string;
}

/** The unit a document is stored under, and how it was found (for the preview and `--dry-run`). */
export interface ResolvedUnit {
  unit: Unit;
  how: 'stated-code' | 'given-code' | 'page' | 'name';
  notes: ImportNote[];
}

/**
 * Which stored unit a document belongs to (issue 15 item 4). A stated 单位编码 is used as before; a document
 * without one is matched by name: exactly (after folding full-width forms and spaces), never by guessing — close
 * names are offered with their codes and `--unit CODE` decides. On a unit's page (the web import) the page's
 * unit is the answer, and a document that states another code or name is refused with both. Nothing stored ever
 * holds a null code: this runs before the document is prepared for the store.
 */
export async function resolveStatedUnit(db: Db, stated: StatedUnit, choice: UnitChoice): Promise<ResolvedUnit> {
  if (choice.expectUnitCode !== undefined) return onPage(db, stated, choice.expectUnitCode, choice.fileName);
  if (choice.unitCode !== undefined) return givenCode(db, stated, choice.unitCode, choice.fileName);
  if (stated.code !== null) return { unit: { code: stated.code, name: stated.name }, how: 'stated-code', notes: [] };
  return byName(db, stated.name, choice.fileName);
}

async function onPage(db: Db, stated: StatedUnit, pageCode: string, file: string): Promise<ResolvedUnit> {
  if (stated.code !== null) {
    if (stated.code !== pageCode) {
      throw new AppError('VALIDATION', `文件中的单位编码是 ${stated.code}，不是当前单位 ${pageCode}`, {
        location: { file, path: ['unit', 'code'] },
      });
    }
    return { unit: { code: stated.code, name: stated.name }, how: 'stated-code', notes: [] };
  }
  const stored = await findUnitByCode(db.kysely, pageCode);
  if (stored && stated.name !== '' && foldName(stated.name) !== foldName(stored.name)) {
    throw new AppError('VALIDATION', `文件中的单位是“${stated.name}”，不是当前单位“${stored.name}”（${pageCode}）`, {
      location: { file, path: ['unit', 'name'] },
    });
  }
  return { unit: stored ?? { code: pageCode, name: requireName(stated, file, pageCode) }, how: 'page', notes: [] };
}

async function givenCode(db: Db, stated: StatedUnit, code: string, file: string): Promise<ResolvedUnit> {
  if (stated.code !== null && stated.code !== code) {
    throw new AppError('BAD_INPUT', `文件写明的单位编码是 ${stated.code}，与 --unit ${code} 不一致`, {
      location: { file, path: ['unit', 'code'] },
    });
  }
  const stored = await findUnitByCode(db.kysely, code);
  if (!stored) return { unit: { code, name: requireName(stated, file, code) }, how: 'given-code', notes: [] };
  const differs = stated.name !== '' && foldName(stated.name) !== foldName(stored.name);
  const notes: ImportNote[] = differs
    ? [
        {
          line: 0,
          code: 'unit-name-differs',
          message: `文件中的单位名称“${stated.name}”与单位 ${code} 的名称“${stored.name}”不同；按 --unit 导入为“${stored.name}”`,
        },
      ]
    : [];
  return { unit: stored, how: 'given-code', notes };
}

async function byName(db: Db, name: string, file: string): Promise<ResolvedUnit> {
  if (name === '') {
    throw new AppError('BAD_INPUT', `${file} 未写明单位编码和单位名称，请用 --unit 编码 指定单位`, {
      location: { file, path: ['unit'] },
    });
  }
  const match = matchUnitName(name, await listUnitNames(db.kysely));
  if (match.exact) return { unit: match.exact, how: 'name', notes: [] };
  const listed = (units: Unit[]): string => units.map((unit) => `${unit.code} ${unit.name}`).join('；');
  const message =
    match.ambiguous.length > 0
      ? `有 ${match.ambiguous.length} 个单位都叫“${name}”（${listed(match.ambiguous)}），请用 --unit 编码 指定`
      : match.close.length > 0
        ? `找不到名为“${name}”的单位；相近的有：${listed(match.close)}。请用 --unit 编码 指定单位`
        : `找不到名为“${name}”的单位，文件也未写明单位编码。请用 --unit 编码 指定单位（新单位也可以这样建立）`;
  throw new AppError('BAD_INPUT', message, { location: { file, path: ['unit', 'name'] } });
}

function requireName(stated: StatedUnit, file: string, code: string): string {
  if (stated.name !== '') return stated.name;
  throw new AppError('BAD_INPUT', `单位 ${code} 尚不存在，文件也未写明单位名称，无法建立该单位`, {
    location: { file, path: ['unit', 'name'] },
  });
}
