import { describe, expect, it } from 'vitest';
import { CORPUS, FORMATS, corpusFile, corpusFileName } from '../../../test/layout-corpus/index.ts';
import type { RecognisedTableView } from '../../contract/documents.ts';
import { readTables } from '../../documents/layouts/read-tables.ts';
import { readGrids } from '../../documents/tables/read-grids.ts';
import type { Translate } from '../i18n/i18n.tsx';
import { translate } from '../i18n/messages.ts';
import {
  derivedCodeLines,
  distinctNotes,
  fieldLabel,
  mappingRows,
  moneyText,
  recognisedAs,
  unitMatchSentence,
} from './recognised.ts';

const zh: Translate = (key, params) => translate('zh-CN', key, params);
const en: Translate = (key, params) => translate('en', key, params);

const hubeiTable: RecognisedTableView = {
  grid: 2,
  source: '工作表“绩效目标表”',
  kind: 'project-targets',
  layout: 'hubei',
  layoutName: '湖北',
  moneyUnit: { unit: '万元', place: '表格上方“单位：万元”' },
  columns: [
    { label: '项目名称', field: 'projectName', place: 'D6' },
    { label: '三级指标', field: 'indicator.name', place: 'E9' },
    { label: '三级指标', field: 'indicator.name', place: 'F9' },
    { label: '权重', field: 'indicator.weight', place: 'G9' },
    { label: '备注', field: null, place: 'H9' },
  ],
  rowsRead: 7,
  rowsSkipped: [{ place: 'E14', reason: '占位行（……）' }],
  headers: [],
};

describe('the import preview’s 识别结果 sentences', () => {
  it('names fields as the forms do, and a column without one as kept', () => {
    expect(fieldLabel('projectName', zh)).toBe('项目名称');
    expect(fieldLabel('indicator.target', zh)).toBe('指标值');
    expect(fieldLabel('indicator.weight', zh)).toBe('权重');
    expect(fieldLabel('execution.rate', zh)).toBe('执行率');
    expect(fieldLabel(null, zh)).toBe('保留为附加字段');
    expect(fieldLabel('indicator.weight', en)).toBe('Weight');
    // Never the internal key.
    expect(fieldLabel('somethingNew', zh)).toBe('其他字段');
  });

  it('says what a table was recognised as, with its layout', () => {
    expect(recognisedAs(hubeiTable, zh)).toBe('项目支出绩效目标表（湖北）');
    expect(recognisedAs({ ...hubeiTable, layoutName: null }, zh)).toBe('项目支出绩效目标表');
    expect(recognisedAs({ ...hubeiTable, kind: null }, zh)).toBe('不是绩效表');
    expect(recognisedAs(hubeiTable, en)).toBe('Project performance targets (湖北)');
  });

  it('says a 万元 table was converted to 元, and a 元 or unstated one was not', () => {
    expect(moneyText(hubeiTable, zh)).toBe('万元（表格上方“单位：万元”），已由万元换算为元');
    expect(moneyText({ ...hubeiTable, moneyUnit: { unit: '元', place: 'B2' } }, zh)).toBe('元（B2）');
    expect(moneyText({ ...hubeiTable, moneyUnit: null }, zh)).toBe('未写明，按元读取');
  });

  it('maps each header once, a label merged over two columns at its first cell', () => {
    expect(mappingRows(hubeiTable, zh)).toEqual([
      { label: '项目名称', field: '项目名称', extra: false, place: 'D6' },
      { label: '三级指标', field: '三级指标（指标名称）', extra: false, place: 'E9' },
      { label: '权重', field: '权重', extra: false, place: 'G9' },
      { label: '备注', field: '保留为附加字段', extra: true, place: 'H9' },
    ]);
  });

  it('says how the unit was decided', () => {
    const unit = { code: '510001', name: '某县文旅局' };
    expect(unitMatchSentence({ how: 'page', stated: { code: null, name: '某县文旅局' }, unit }, zh)).toBe(
      '文件写明单位“某县文旅局”，已匹配为 510001 某县文旅局',
    );
    expect(unitMatchSentence({ how: 'page', stated: { code: null, name: '' }, unit }, zh)).toBe(
      '文件未写单位编码，将导入到当前单位 510001 某县文旅局',
    );
    expect(unitMatchSentence({ how: 'stated-code', stated: { code: '510001', name: '某县文旅局' }, unit }, zh)).toBe(
      '文件写明单位编码 510001，与当前单位 510001 某县文旅局 一致',
    );
    expect(unitMatchSentence({ how: 'name', stated: { code: null, name: '某县文旅局' }, unit }, zh)).toBe(
      '文件写明单位“某县文旅局”，已按名称匹配为 510001 某县文旅局',
    );
  });

  it('lists derived project codes, and shows a note said twice once', () => {
    const project = { code: 'N-ABC', name: '项目甲', derivedCode: true };
    const document = { projects: [project, { ...project, code: '511-01', derivedCode: undefined }] };
    expect(derivedCodeLines(document, zh)).toEqual(['项目甲：无项目编码，已生成 N-ABC，可在编辑中修改']);
    const note = { line: 4, code: 'row-skipped', message: '第 2 个表格，第 4 行：空行，已跳过' };
    expect(distinctNotes([note, { ...note }, { ...note, line: 5, message: '另一条' }])).toHaveLength(2);
  });

  it('has a Chinese name for every field the table reader reports over the layout corpus', async () => {
    const fields = new Set<string>();
    for (const document of CORPUS) {
      for (const format of FORMATS) {
        const file = await readGrids(await corpusFile(document, format), corpusFileName(document, format));
        for (const table of readTables(file).tables)
          for (const column of table.columns) if (column.field !== null) fields.add(column.field);
      }
    }
    expect(fields.size).toBeGreaterThan(20);
    for (const field of fields) expect(fieldLabel(field, zh), field).not.toBe('其他字段');
  }, 60_000);
});
