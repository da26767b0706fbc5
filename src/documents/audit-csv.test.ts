import { expect, it } from 'vitest';
import { csvCell, writeAuditCsv } from './audit-csv.ts';

it('quotes CSV cells and defuses formulas', () => {
  expect(csvCell('a,b')).toBe('"a,b"');
  expect(csvCell('say "hi"')).toBe('"say ""hi"""');
  expect(csvCell('=SUM(A1)')).toBe("'=SUM(A1)");
  expect(csvCell('普通')).toBe('普通');
});

it('writes a BOM, the header and one CRLF line per entry, empty cells for what is absent', () => {
  const csv = writeAuditCsv([
    {
      at: '2024-01-02T03:04:05.000Z',
      actor: 'admin',
      action: 'update-project',
      unitCode: null,
      fiscalYear: null,
      entity: 'project',
      entityKey: 'P1',
      before: null,
      after: { name: 'a,b' },
    },
  ]);
  expect(csv).toBe(
    '\uFEFF时间(UTC),操作人,操作,单位,年度,对象,对象编码,修改前,修改后\r\n' +
      '2024-01-02T03:04:05.000Z,admin,update-project,,,project,P1,,"{""name"":""a,b""}"\r\n',
  );
});
