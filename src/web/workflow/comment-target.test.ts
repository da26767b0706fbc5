import { describe, expect, it } from 'vitest';
import { seedDocument } from '../../../test/targets-fixtures.ts';
import { translate } from '../i18n/messages.ts';
import { parseTarget, targetOptions } from './comment-target.ts';

describe('comment targets', () => {
  it('reads the document, a project, or a project indicator from the select value', () => {
    expect(parseTarget(undefined)).toEqual({ projectCode: null, indicatorIndex: null });
    expect(parseTarget('doc')).toEqual({ projectCode: null, indicatorIndex: null });
    expect(parseTarget('711-0701-JBN-PGN6')).toEqual({ projectCode: '711-0701-JBN-PGN6', indicatorIndex: null });
    expect(parseTarget('711-0701-JBN-PGN6#3')).toEqual({ projectCode: '711-0701-JBN-PGN6', indicatorIndex: 3 });
  });

  it('offers the document, then each project followed by its indicators', () => {
    const projects = seedDocument().projects;
    const options = targetOptions(projects, (key, params) => translate('zh-CN', key, params));
    const indicators = projects.reduce((n, p) => n + p.indicators.length, 0);
    expect(options).toHaveLength(1 + projects.length + indicators);
    expect(options[0]).toEqual({ value: 'doc', label: '整个文档' });
    expect(options[1]!.value).toBe(projects[0]!.code);
    expect(options[2]).toEqual({
      value: `${projects[0]!.code}#0`,
      label: `${projects[0]!.name} · 第1个指标 ${projects[0]!.indicators[0]!.name}`,
    });
  });
});
