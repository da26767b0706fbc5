import { describe, expect, it } from 'vitest';
import { seedDocument } from '../../../test/targets-fixtures.ts';
import { cleanProject, documentOf, indicator, runRule } from './test-fixtures.ts';
import { contentWords, HAS_CHINESE_DICTIONARY, sharedWords } from './words.ts';

describe('word segmentation on this Node’s ICU', () => {
  it('splits Chinese into dictionary words and drops single characters and stop words', () => {
    expect([...contentWords('市级以上劳模体检费')]).toEqual(['劳模', '体检']);
    expect([...contentWords('维护好以工资为核心的各项劳动经济权益')]).toEqual(
      expect.arrayContaining(['工资', '劳动', '经济', '权益']),
    );
    expect(contentWords('维护好以工资为核心的各项劳动经济权益').has('各项')).toBe(false);
  });
  it('has the CJK dictionary here (full ICU): otherwise the character-pair fallback would be in use', () => {
    expect(process.versions.icu).toBeTruthy();
    expect(HAS_CHINESE_DICTIONARY).toBe(true);
  });
  it('falls back to character pairs without a dictionary, and still tells the seed’s goals apart', () => {
    expect([...contentWords('劳模体检费', [], false)]).toEqual(['劳模', '模体', '体检', '检费']);
    const words = (text: string) => contentWords(text, [], false);
    expect(
      sharedWords(words('维护好以工资为核心的各项劳动经济权益'), words('市级以上劳模体检费市级以上劳模体检')),
    ).toEqual([]);
    expect(
      sharedWords(words('加强和改进劳动模范管理和服务工作，有效解决或缓解困难省劳模的生活状况'), words('劳模荣誉津贴')),
    ).toEqual(['劳模']);
  });
});

describe('relevance.goal-matches-project', () => {
  it('passes the goals of three seed projects and flags the wage goal of the health-check project', () => {
    const hits = runRule('relevance.goal-matches-project', seedDocument());
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({ project: '711-0403-JBN-MQNI', path: ['goals', 0] });
    // The hint names the department goal the text was likely copied from (和谐劳动关系, wages).
    expect(hits[0]!.message).toMatch(/第7条.*工资/);
  });
  it('names the other project a goal was pasted from, never the project itself', () => {
    const road = cleanProject({
      code: 'ROAD',
      name: '乡村道路维修',
      purpose: '维修乡村道路桥梁，保障群众出行',
      goals: ['完成乡村道路维修'],
    });
    const pasted = cleanProject({ code: 'HELP', goals: ['完成乡村道路桥梁维修'] });
    const hits = runRule('relevance.goal-matches-project', documentOf([pasted, road]));
    expect(hits).toMatchObject([{ project: 'HELP', path: ['goals', 0] }]);
    expect(hits[0]!.message).toMatch(/内容更接近项目“乡村道路维修”（共同词：.*道路.*），疑似复制粘贴/);
  });
  it('is silent on a goal sharing a word with the name', () => {
    expect(runRule('relevance.goal-matches-project', documentOf([cleanProject()]))).toEqual([]);
  });
  it('honours relevanceMinSharedWords', () => {
    const doc = documentOf([cleanProject({ goals: ['缓解困难群众生活'] })]);
    expect(runRule('relevance.goal-matches-project', doc)).toEqual([]);
    expect(runRule('relevance.goal-matches-project', doc, { relevanceMinSharedWords: 2 })).toHaveLength(1);
  });
});

describe('relevance.indicators-match-project', () => {
  it('is silent on the seed', () => expect(runRule('relevance.indicators-match-project', seedDocument())).toEqual([]));
  it('fires when the indicators come from a road project', () => {
    const doc = documentOf([
      cleanProject({
        indicators: [
          indicator('产出指标', '数量指标', '道路修复长度', '≥5公里'),
          indicator('效益指标', '社会效益指标', '通行时间缩短', '≥10分钟'),
        ],
      }),
    ]);
    expect(runRule('relevance.indicators-match-project', doc)).toMatchObject([{ path: ['indicators'] }]);
  });
});

describe('relevance.goal-numbers-agree', () => {
  it('is silent when the goal’s 50人 matches the indicator', () => {
    const doc = documentOf([cleanProject({ goals: ['帮扶困难职工不少于50人'] })]);
    expect(runRule('relevance.goal-numbers-agree', doc)).toEqual([]);
  });
  it('fires when the goal says 60人 and the indicator ≥50人', () => {
    const doc = documentOf([cleanProject({ goals: ['帮扶困难职工不少于60人'] })]);
    expect(runRule('relevance.goal-numbers-agree', doc)).toMatchObject([
      { path: ['goals', 0], message: expect.stringContaining('≥50人') },
    ]);
  });
});
