import { describe, expect, it } from 'vitest';
import { reportUrl } from './api.ts';

describe('reportUrl', () => {
  it('points at the unit-year report in the chosen format', () => {
    expect(reportUrl('711002', 2020, 'evaluation', 'docx')).toBe('/api/units/711002/years/2020/evaluation.docx');
  });

  it('passes the 监控表 month, and only to the 监控表', () => {
    expect(reportUrl('711002', 2020, 'monitoring', 'xlsx', 7)).toBe(
      '/api/units/711002/years/2020/monitoring.xlsx?asOfMonth=7',
    );
    expect(reportUrl('711002', 2020, 'evaluation', 'pdf', 7)).toBe('/api/units/711002/years/2020/evaluation.pdf');
    // Month 0 (a year not begun) is the server's default, not a valid query value.
    expect(reportUrl('711002', 2021, 'monitoring', 'pdf', 0)).toBe('/api/units/711002/years/2021/monitoring.pdf');
  });

  it('escapes a unit code', () => {
    expect(reportUrl('a/b', 2020, 'monitoring', 'docx')).toBe('/api/units/a%2Fb/years/2020/monitoring.docx');
  });
});
