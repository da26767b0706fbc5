import type { ImportPreview, RecognisedTableView, UnitMatchView } from '../../contract/documents.ts';
import type { Translate } from '../i18n/i18n.tsx';
import { DICTIONARIES, type MessageKey } from '../i18n/messages.ts';

/**
 * The sentences of the import preview's 识别结果, from what the server recognised (ImportPreview.recognised and
 * .unitMatch). Pure: the dialog renders them, the unit test reads them.
 */

/** A reader field key ("indicator.weight") as the forms name it ("权重"); null is a column kept as an extra field. */
export function fieldLabel(field: string | null, t: Translate): string {
  if (field === null) return t('files.mapping.extra');
  const key = `files.field.${field}`;
  // A field the reader learns before the web does shows as the form's own label would, never as an internal key.
  return isMessageKey(key) ? t(key) : t('files.field.unknown');
}

function isMessageKey(key: string): key is MessageKey {
  return key in DICTIONARIES['zh-CN'];
}

/** 「项目支出绩效目标表（湖北）」 or 「不是绩效表」. */
export function recognisedAs(table: RecognisedTableView, t: Translate): string {
  if (table.kind === null) return t('files.notPerformance');
  const kind = t(`files.kind.${table.kind}`);
  return table.layoutName === null ? kind : t('files.kindWithLayout', { kind, layout: table.layoutName });
}

/** The money unit the table states and where; 万元 and 千元 say the amounts were converted to 元. */
export function moneyText(table: RecognisedTableView, t: Translate): string {
  const money = table.moneyUnit;
  if (money === null) return t('files.moneyNone');
  const params = { unit: money.unit, place: money.place };
  return money.unit === '元' ? t('files.moneyStated', params) : t('files.moneyConverted', params);
}

export interface MappingRow {
  label: string;
  field: string;
  /** No model field: the column's values are kept as extra fields (指标 extras). */
  extra: boolean;
  place: string;
}

/** Header → field, once per label and field (a label merged over two columns is one row, at its first cell). */
export function mappingRows(table: RecognisedTableView, t: Translate): MappingRow[] {
  const seen = new Set<string>();
  const rows: MappingRow[] = [];
  for (const column of table.columns) {
    const key = `${column.label}\u0000${column.field ?? ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    rows.push({
      label: column.label,
      field: fieldLabel(column.field, t),
      extra: column.field === null,
      place: column.place,
    });
  }
  return rows;
}

/** How the unit was decided, in one sentence. */
export function unitMatchSentence(match: UnitMatchView, t: Translate): string {
  const params = { stated: match.stated.code ?? match.stated.name, code: match.unit.code, name: match.unit.name };
  switch (match.how) {
    case 'stated-code':
      return t('files.unit.statedCode', params);
    case 'page':
      return match.stated.name === ''
        ? t('files.unit.pageNone', params)
        : t('files.unit.pageByName', { ...params, stated: match.stated.name });
    case 'name':
      return t('files.unit.byName', { ...params, stated: match.stated.name });
    case 'given-code':
      return t('files.unit.givenCode', params);
  }
}

/** One line per project whose code was derived from its name (the file states no 项目编码). */
export function derivedCodeLines(
  document: { projects: readonly { code: string; name: string; derivedCode?: boolean | undefined }[] },
  t: Translate,
): string[] {
  return document.projects
    .filter((project) => project.derivedCode === true)
    .map((project) => t('files.derivedCode', { name: project.name, code: project.code }));
}

/** A note said twice (a table continued over a page break reports its rows once per part) is shown once. */
export function distinctNotes(notes: ImportPreview['notes']): ImportPreview['notes'] {
  const seen = new Set<string>();
  return notes.filter((note) => {
    if (seen.has(note.message)) return false;
    seen.add(note.message);
    return true;
  });
}
