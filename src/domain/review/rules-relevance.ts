import type { Project, TargetsDocument } from '../targets.ts';
import { extractQuantities } from './narrative.ts';
import { MONEY_UNIT, nameTraits, squash } from './name-traits.ts';
import { forEachIndicator, forEachProject, hit, indicatorLabel, NONE } from './project-walk.ts';
import type { ReviewRule } from './types.ts';
import { contentWords, namePurposeWords, sharedWords } from './words.ts';

interface Source {
  project: Project | null;
  zh: string;
  en: string;
  /** Lowercased, as content words are. */
  text: string;
}

/** The texts a goal may have been copied from (every project's name + purpose, every department goal), per document. */
const sourcesByDocument = new WeakMap<TargetsDocument, Source[]>();

function documentSources(document: TargetsDocument): Source[] {
  const cached = sourcesByDocument.get(document);
  if (cached) return cached;
  const sources: Source[] = [
    ...document.projects.map((other) => ({
      project: other,
      zh: `项目“${other.name}”`,
      en: `project “${other.name}”`,
      text: `${other.name}${other.purpose}`.toLowerCase(),
    })),
    ...document.overall.goals.map((goal) => ({
      project: null,
      zh: `部门整体目标第${goal.seq}条“${goal.title}”`,
      en: `department goal ${goal.seq}`,
      text: `${goal.title}${goal.detail ?? ''}`.toLowerCase(),
    })),
  ];
  sourcesByDocument.set(document, sources);
  return sources;
}

/**
 * Where else an unrelated goal might have been copied from: another project or a department goal.
 * A goal's content word counts as shared with a text that contains it: pasted text keeps its
 * words verbatim, and reading the other texts by substring instead of segmenting them (ICU, about
 * 1 µs a character: the department's goals were the dearest step of a city's review) finds them.
 * Shared words are weighted by rarity (log N/df over those texts), so 职工, which a trade union
 * writes everywhere, counts for little and 工资 for much.
 */
function closestOtherSource(document: TargetsDocument, project: Project, goalWords: ReadonlySet<string>) {
  // The project itself is not a source: N and each word's df leave it out.
  const others = documentSources(document).filter((source) => source.project !== project);
  const wanted = [...goalWords];
  const sharedBy = others.map((source) => wanted.filter((word) => source.text.includes(word)));
  const df = new Map<string, number>();
  for (const shared of sharedBy) for (const word of shared) df.set(word, (df.get(word) ?? 0) + 1);
  const weight = (word: string) => Math.log((others.length + 1) / (1 + (df.get(word) ?? 0)));
  let best: { zh: string; en: string; shared: string[]; score: number } | null = null;
  for (let k = 0; k < others.length; k++) {
    const shared = sharedBy[k]!;
    const score = shared.reduce((sum, word) => sum + weight(word), 0);
    if (shared.length >= 2 && (best === null || score > best.score))
      best = { zh: others[k]!.zh, en: others[k]!.en, shared, score };
  }
  return best;
}

const goalMatchesProject: ReviewRule = {
  id: 'relevance.goal-matches-project',
  criterion: '相关性',
  severity: 'error',
  title: '每条绩效目标与项目名称、资金用途有共同的实词（分词比较，relevanceMinSharedWords）',
  check: ({ document, policy }) =>
    forEachProject(document, (project) => {
      const projectWords = namePurposeWords(project, policy.relevanceStopWords);
      if (projectWords.size === 0) return NONE;
      return project.goals.flatMap((goal, index) => {
        const goalWords = contentWords(goal, policy.relevanceStopWords);
        if (goalWords.size === 0 || sharedWords(goalWords, projectWords).length >= policy.relevanceMinSharedWords)
          return NONE;
        const other = closestOtherSource(document, project, goalWords);
        const hint = other ? `；内容更接近${other.zh}（共同词：${other.shared.join('、')}），疑似复制粘贴` : '';
        const hintEn = other
          ? `; it is closer to ${other.en} (shared: ${other.shared.join(', ')}), likely copy-pasted`
          : '';
        const topic = [...projectWords].join('、');
        return [
          hit(
            ['goals', index],
            `绩效目标第${index + 1}条与项目“${project.name}”无关：未提及项目的任何关键词（${topic}）${hint}`,
            `Goal ${index + 1} is unrelated to “${project.name}”: it shares no key word with the project (${[...projectWords].join(', ')})${hintEn}`,
          ),
        ];
      });
    }),
};

const indicatorsMatchProject: ReviewRule = {
  id: 'relevance.indicators-match-project',
  criterion: '相关性',
  severity: 'warning',
  title: '指标整体与项目名称、用途或目标有共同的实词',
  check: ({ document, policy }) =>
    forEachProject(document, (project) => {
      if (project.indicators.length === 0) return NONE;
      // The project's words are those of its name and purpose and of each goal, each text read on
      // its own (and remembered: they repeat across a city), not of one text joined anew per project.
      const stop = policy.relevanceStopWords;
      const topic = [namePurposeWords(project, stop), ...project.goals.map((goal) => contentWords(goal, stop))].filter(
        (words) => words.size > 0,
      );
      if (topic.length === 0) return NONE;
      const inTopic = (word: string) => topic.some((words) => words.has(word));
      // The texts are joined with spaces, a hard word boundary: the words of the whole are the union
      // of each name's and description's. One shared word is enough: stop at the first.
      for (const i of project.indicators) {
        for (const word of contentWords(i.name, stop)) if (inTopic(word)) return NONE;
        for (const word of contentWords(i.description, stop)) if (inTopic(word)) return NONE;
      }
      return [
        hit(
          ['indicators'],
          `指标与项目“${project.name}”的名称、用途和目标没有共同的关键词，可能套用了其他项目的指标`,
          `The indicators share no key word with “${project.name}”, its purpose or goals; they may belong to another project`,
        ),
      ];
    }),
};

const goalNumbersAgree: ReviewRule = {
  id: 'relevance.goal-numbers-agree',
  criterion: '相关性',
  severity: 'warning',
  title: '绩效目标文字中的数量与同单位指标的指标值一致',
  check: ({ document, policy }) =>
    forEachProject(document, (project) =>
      project.goals.flatMap((goal, goalIndex) =>
        extractQuantities(goal).flatMap((quantity) => {
          const sameUnit = project.indicators.filter(
            (i) => i.target.unit !== null && i.target.unit === quantity.target.unit,
          );
          if (sameUnit.length === 0) return NONE;
          const words = contentWords(quantity.name, policy.relevanceStopWords);
          const related = sameUnit.filter(
            (i) => sharedWords(contentWords(i.name, policy.relevanceStopWords), words).length > 0,
          );
          const candidates = related.length > 0 ? related : sameUnit;
          const same = (a: typeof quantity.target, b: typeof quantity.target) =>
            a.value === b.value && a.min === b.min && a.max === b.max;
          if (candidates.some((i) => same(i.target, quantity.target))) return NONE;
          const values = candidates.map((i) => `“${i.name}” ${i.target.raw}`).join('、');
          return [
            hit(
              ['goals', goalIndex],
              `绩效目标第${goalIndex + 1}条写明“${quantity.name}${quantity.target.raw}”，与指标值不一致（${values}）`,
              `Goal ${goalIndex + 1} states “${quantity.name} ${quantity.target.raw}”, which no indicator matches (${values})`,
            ),
          ];
        }),
      ),
    ),
};

/** 相关性 (88号 第三条（二）: 绩效指标与绩效目标相关联): an input is not an output or effect of the project (guide §3). */
const inputIndicator: ReviewRule = {
  id: 'appropriateness.input-indicator',
  criterion: '相关性',
  severity: 'warning',
  title: '指标反映项目的产出和效果，不以投入（资金、人员、物资）作为绩效指标',
  check: ({ document }) =>
    forEachIndicator(document, (indicator, index) => {
      const traits = nameTraits(indicator.name);
      const moneyAsOutput =
        indicator.category === 'output' &&
        squash(indicator.level2) === '数量指标' &&
        MONEY_UNIT.test(indicator.target.unit ?? '') &&
        !traits.moneyResult;
      if (!traits.input && !moneyAsOutput) return NONE;
      const label = indicatorLabel(indicator, index);
      return [
        hit(
          ['indicators', index, 'name'],
          `${label.zh}衡量的是投入（资金/人员），不是产出或效益`,
          `${label.en} measures an input (money/staff), not an output or outcome`,
        ),
      ];
    }),
};

export const RELEVANCE_RULES: readonly ReviewRule[] = [
  goalMatchesProject,
  indicatorsMatchProject,
  goalNumbersAgree,
  inputIndicator,
];
