import { describe, expect, it } from 'vitest';
import { joinStatedValue, readDirection, readNature, splitCodedName, splitGoals, statedYear } from './stated-values.ts';

describe('stated values', () => {
  it('splits a unit cell into code and name, whichever way it is written', () => {
    expect(splitCodedName('820001-某区住房和城乡建设局')).toEqual({ code: '820001', name: '某区住房和城乡建设局' });
    expect(splitCodedName('712003某县总工会')).toEqual({ code: '712003', name: '某县总工会' });
    expect(splitCodedName('[530101]某市文化局')).toEqual({ code: '530101', name: '某市文化局' });
    expect(splitCodedName('某市文化局（530101）')).toEqual({ code: '530101', name: '某市文化局' });
    expect(splitCodedName('某市文化局')).toEqual({ code: null, name: '某市文化局' });
  });

  it('reads 指标性质 and 指标方向性 words', () => {
    expect(readNature('定量')).toBe('quantitative');
    expect(readNature('定性')).toBe('qualitative');
    expect(readNature('')).toBeUndefined();
    expect(readDirection('正向')).toBe('positive');
    expect(readDirection('越小越好')).toBe('negative');
    expect(readDirection('反向指标')).toBe('negative');
    expect(readDirection('其他')).toBeUndefined();
  });

  it('joins a comparison, a value and a 度量单位 once', () => {
    expect(joinStatedValue('≥', '95', '%')).toBe('≥95%');
    expect(joinStatedValue('', '≥24', '个')).toBe('≥24个');
    expect(joinStatedValue('', '95%', '%')).toBe('95%');
    expect(joinStatedValue('', '明显改善', '')).toBe('明显改善');
    expect(joinStatedValue('', '明显改善', '%')).toBe('明显改善');
  });

  it('splits goals without their numbering, keeping decimals whole', () => {
    expect(splitGoals('1、完成改造1.5公里\n2、改善环境')).toEqual(['完成改造1.5公里', '改善环境']);
    expect(splitGoals('目标1：保障运行；目标2：提高效率')).toEqual(['保障运行', '提高效率']);
    expect(splitGoals('完成全年任务。')).toEqual(['完成全年任务。']);
    expect(splitGoals('')).toEqual([]);
  });

  it('reads the year a title states', () => {
    expect(statedYear('（2024年度）')).toBe(2024);
    expect(statedYear('某局2023年项目支出绩效自评表')).toBe(2023);
    expect(statedYear('项目支出绩效目标表')).toBeUndefined();
  });
});
