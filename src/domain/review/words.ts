import { BoundedCache } from '../bounded-cache.ts';

/**
 * Word-level text comparison for the relevance rules. Chinese has no spaces, so ICU's dictionary
 * segmenter (Intl.Segmenter, built into Node's full ICU) splits "市级以上劳模体检费" into
 * 市|级|以上|劳模|体检|费. Single characters and generic administrative words carry no topic and
 * are dropped, so two texts "relate" when they share a content word such as 劳模 or 体检.
 */
const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

/**
 * A Node built with small-icu (or without the CJK dictionary) cuts Chinese one character at a time.
 * Then overlapping character pairs stand in for words (劳模体检 → 劳模 模体 体检): noisier, still
 * meaningful. Checked once, at load.
 */
export const HAS_CHINESE_DICTIONARY = [...segmenter.segment('劳模体检')].some((s) => s.segment === '劳模');

const STOP_WORDS: ReadonlySet<string> = new Set([
  '以上',
  '以下',
  '以内',
  '有效',
  '解决',
  '加强',
  '改进',
  '工作',
  '项目',
  '资金',
  '专项',
  '提前',
  '下达',
  '开展',
  '做好',
  '进一步',
  '全力',
  '各项',
  '广大',
  '提高',
  '提升',
  '完成',
  '情况',
  '相关',
  '实现',
  '推进',
  '确保',
  '全面',
  '积极',
  '切实',
  '深入',
  '持续',
  '不断',
  '保障',
  '促进',
  '发挥',
  '作用',
  '各类',
  '通过',
  '进行',
  '有关',
  '以及',
  '其他',
  '年度',
  '经费',
  '费用',
  '支出',
  '预算',
  '用于',
  '主要',
  '方面',
  '组织',
  '落实',
  '建立',
  '完善',
  '健全',
  '推动',
  '努力',
  '争取',
  '力争',
  '维护',
  '数量',
  '比例',
  '比率',
  '指标',
  '目标',
  '水平',
  '程度',
  '一批',
  '更多',
  '全年',
  '当年',
  '实际',
  '计划',
]);

function segmentWords(text: string, dictionary = HAS_CHINESE_DICTIONARY): string[] {
  if (dictionary) {
    const words: string[] = [];
    for (const s of segmenter.segment(text)) if (s.isWordLike) words.push(s.segment);
    return words;
  }
  return [...text.matchAll(/\p{Script=Han}+|[\p{L}\p{N}]+/gu)].flatMap(([run]) => {
    const chars = [...run];
    if (chars.length < 2 || !/\p{Script=Han}/u.test(run)) return [run];
    return chars.slice(1).map((char, i) => `${chars[i]}${char}`);
  });
}

/**
 * Content words are asked for the same texts again and again (each project's name and purpose is
 * compared with every other project's goals), and ICU segmentation is the review's main cost: the
 * sets are kept per stop-word list and text (bounded: a long-running server does not grow).
 */
const contentWordsByStopList = new BoundedCache<string, BoundedCache<string, ReadonlySet<string>>>(8);

export function contentWords(
  text: string,
  extraStopWords: readonly string[] = [],
  dictionary = HAS_CHINESE_DICTIONARY,
): ReadonlySet<string> {
  if (dictionary !== HAS_CHINESE_DICTIONARY) return computeContentWords(text, extraStopWords, dictionary);
  const listKey = extraStopWords.length === 0 ? '' : extraStopWords.join('\u0000');
  // A few stop-word lists (one per review policy in use), each with its texts' words.
  const cache = contentWordsByStopList.remember(listKey, () => new BoundedCache(50_000));
  return cache.remember(text, () => computeContentWords(text, extraStopWords, dictionary));
}

/**
 * The content words of a project's name and purpose. Three rules ask for them in every review; the
 * joined text would be built and hashed anew each time, so the set is kept on the project object
 * (weakly), valid while its name, purpose and the stop-word list are the ones it was read from.
 */
const namePurposeCache = new WeakMap<
  object,
  { name: string; purpose: string; stop: readonly string[]; words: ReadonlySet<string> }
>();

export function namePurposeWords(
  project: { name: string; purpose: string },
  stop: readonly string[],
): ReadonlySet<string> {
  const cached = namePurposeCache.get(project);
  if (cached && cached.name === project.name && cached.purpose === project.purpose && cached.stop === stop)
    return cached.words;
  const words = contentWords(`${project.name}${project.purpose}`, stop);
  namePurposeCache.set(project, { name: project.name, purpose: project.purpose, stop, words });
  return words;
}

function computeContentWords(
  text: string,
  extraStopWords: readonly string[],
  dictionary: boolean,
): ReadonlySet<string> {
  const words = new Set<string>();
  for (const segment of segmentWords(text, dictionary)) {
    const word = segment.toLowerCase();
    if (word.length < 2 || (word.length === 2 && [...word].length < 2)) continue;
    if (DIGITS.test(word) || STOP_WORDS.has(word) || extraStopWords.includes(word)) continue;
    words.add(word);
  }
  return words;
}

const DIGITS = /^[\d.]+$/;

export function sharedWords(a: ReadonlySet<string>, b: ReadonlySet<string>): string[] {
  return [...a].filter((word) => b.has(word));
}
