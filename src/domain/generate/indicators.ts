import { BoundedCache } from '../bounded-cache.ts';
import { categoryOfLevel1 } from '../indicator-category.ts';
import { KNOWN_UNITS, parseTargetValue } from '../target-value.ts';
import type { Indicator, IndicatorCategory, TargetValue } from '../targets.ts';
import { BASES, type ProjectTheme } from './pools.ts';
import type { Rng } from './prng.ts';
import { countIndicatorName } from './unit-costs.ts';

/**
 * Indicators for one project, built from its theme's words so that they relate to the project
 * (as the relevance rules expect), with the seed's variety: 产出 (数量/质量/时效/成本), 效益
 * (社会/经济/可持续/生态), 满意度 and now and then a 成本指标 of its own (财预〔2021〕101号).
 */
export interface IndicatorOptions {
  fiscalYear: number;
  /** The main 数量指标's number (drawCount), which the budget was drawn to match. */
  count: number;
  /** Budget in 分, for cost targets. */
  budgetCents: bigint;
  /** Write 效果指标 for 效益指标 (the seed's synonym). */
  effectSynonym: boolean;
  /** Environment sector: add an 生态效益 indicator to the pool. */
  ecological: boolean;
  /** Probability that an indicator's target value is missing (the seed's "个" without a number). */
  missingTargetRate: number;
}

type Draft = [level1: string, level2: string, name: string, description: string, raw: string];

/** 2 significant digits: 1234 → 1200, 87 → 87; counts in real targets are round. */
function roundCount(n: number): number {
  if (n < 100) return Math.max(1, Math.round(n));
  const magnitude = 10 ** (Math.floor(Math.log10(n)) - 1);
  return Math.round(n / magnitude) * magnitude;
}

/** The main 数量指标's number: within the theme's range, round as real targets are. */
export function drawCount(rng: Rng, t: ProjectTheme): number {
  return roundCount(t.count[0] + rng.next() * (t.count[1] - t.count[0]));
}

const percent = (rng: Rng, values: readonly number[]) => `${rng.pick(values)}%`;

/** 分 → 万元 with at most two decimals, rounded up so that a cost ceiling is not below the budget. */
function tenThousands(cents: bigint): string {
  const hundredths = (cents + 999_999n) / 1_000_000n; // 0.01 万元 = 100 元 = 10,000 分
  const whole = hundredths / 100n;
  const fraction = hundredths % 100n;
  return fraction === 0n ? `${whole}` : `${whole}.${fraction.toString().padStart(2, '0').replace(/0$/, '')}`;
}

function outputPool(rng: Rng, t: ProjectTheme, o: IndicatorOptions, count: number): Draft[] {
  const low = rng.int(1, 3);
  const perHead = (o.budgetCents + BigInt(count) * 100n - 1n) / (BigInt(count) * 100n);
  return [
    [
      '产出指标',
      '数量指标',
      `${t.action}任务完成率`,
      `实际${t.action}数量占计划${t.action}数量的比例`,
      rng.chance(0.3) ? '=100%' : `≥${percent(rng, [90, 95, 98])}`,
    ],
    [
      '产出指标',
      '数量指标',
      `${t.action}示范点数量`,
      `年度内培育的${t.action}示范点个数`,
      `${low}-${low + rng.int(1, 3)}个`,
    ],
    [
      '产出指标',
      '质量指标',
      `${t.action}验收合格率`,
      `验收合格的${t.action}任务占全部任务的比例`,
      `≥${percent(rng, [95, 98])}`,
    ],
    ['产出指标', '质量指标', '资金使用合规率', '按规定用途使用的资金占全部资金的比例', '=100%'],
    ['产出指标', '质量指标', `${t.action}差错率`, `${t.action}工作中出现差错的比例`, `≤${percent(rng, [1, 2, 5])}`],
    ['产出指标', '时效指标', `${t.action}及时率`, `按时完成${t.action}的比例`, `≥${percent(rng, [90, 95])}`],
    [
      '产出指标',
      '时效指标',
      '项目完成时间',
      `${o.fiscalYear}年度内完成${t.action}任务`,
      rng.pick(['在项目计划完成时间内完成', '及时']),
    ],
    ['产出指标', '时效指标', '资金拨付周期', '资金下达后拨付到位的天数', `≤${rng.pick([15, 30, 60])}天`],
    ['产出指标', '成本指标', `人均${t.action}成本`, `项目支出除以${t.action}${t.countUnit}数`, `≤${perHead}元`],
  ];
}

function benefitPool(rng: Rng, t: ProjectTheme, o: IndicatorOptions, l1: string): Draft[] {
  const pool: Draft[] = [
    [l1, '社会效益指标', `${t.served}受益率`, `受益的${t.served}占应受益总数的比例`, `≥${percent(rng, [85, 90, 95])}`],
    [
      l1,
      '经济效益指标',
      `${t.action}工作效率提升率`,
      `与上年相比${t.action}工作效率的提升幅度`,
      `≥${percent(rng, [5, 10, 15])}`,
    ],
    [
      l1,
      '可持续影响指标',
      `${t.action}长效机制`,
      `${t.action}工作长效机制建立情况`,
      rng.pick(['建立健全', '长期', '持续发挥作用']),
    ],
    [
      l1,
      '可持续影响指标',
      `${t.action}成果持续发挥作用年限`,
      `${t.action}成果持续发挥作用的年数`,
      `≥${rng.pick([3, 5, 10])}年`,
    ],
  ];
  if (o.ecological)
    pool.push([
      l1,
      '生态效益指标',
      '生态环境质量改善情况',
      `${t.action}对生态环境质量的改善`,
      rng.pick(['明显改善', '≥90%']),
    ]);
  return pool;
}

/** A project's indicators (4–8, about 6): the count, a social benefit and satisfaction always, the rest drawn. */
export function projectIndicators(rng: Rng, t: ProjectTheme, o: IndicatorOptions): Indicator[] {
  const count = o.count;
  const l1 = o.effectSynonym ? '效果指标' : '效益指标';
  const countRaw = rng.pick([
    `≥${count}${t.countUnit}`,
    `不少于${count}${t.countUnit}`,
    `=${count}${t.countUnit}`,
    `${count}${t.countUnit}`,
  ]);
  const improvement = rng.chance(0.03) ? '显著提升' : rng.pick(['≥90%', '明显改善', '效果明显', '好']);
  const drawn = rng.sample([...outputPool(rng, t, o, count), ...benefitPool(rng, t, o, l1)], rng.int(1, 5));
  const cost: Draft[] = rng.chance(0.15)
    ? [
        [
          '成本指标',
          '经济成本指标',
          `${t.name}成本控制数`,
          `${t.name}全年支出控制在预算以内`,
          `≤${tenThousands(o.budgetCents)}万元`,
        ],
      ]
    : [];
  const drafts: Draft[] = [
    ['产出指标', '数量指标', countIndicatorName(t), `年度内${t.action}的${t.subject}${t.countUnit}数`, countRaw],
    ...drawn.filter((d) => d[0] === '产出指标'),
    ...cost,
    [l1, '社会效益指标', `${t.subject}状况改善情况`, `${t.subject}在${t.action}后的改善程度`, improvement],
    ...drawn.filter((d) => d[0] !== '产出指标'),
    [
      '满意度指标',
      '服务对象满意度指标',
      `${t.served}满意度`,
      `抽样调查中对${t.action}表示满意的${t.served}占调查总数的比例`,
      `≥${percent(rng, [85, 90, 95])}`,
    ],
  ];
  return drafts.map(([level1, level2, name, description, raw]) => {
    const target = parseTarget(rng.chance(o.missingTargetRate) ? withoutNumber(raw) : raw);
    return { level1, level2, name, description, target, basis: rng.pick(BASES), category: categoryOf(level1) };
  });
}

/**
 * The grammar costs more than the rest of generation together, and a city repeats the same few
 * thousand target texts: remember them (bounded, so memory stays flat however many units).
 */
const parsedTargets = new BoundedCache<string, TargetValue>(20_000);
/** The category of each 一级 text the pools use (a few dozen). */
const level1Categories = new BoundedCache<string, IndicatorCategory | null>(1_000);

function parseTarget(raw: string): TargetValue {
  // A copy: callers own their document and may change it.
  return { ...parsedTargets.remember(raw, parseTargetValue) };
}

function categoryOf(level1: string): IndicatorCategory | null {
  return level1Categories.remember(level1, categoryOfLevel1);
}

/** The seed's defect: the unit written, the number never filled in ("个"); a word target left empty. */
function withoutNumber(raw: string): string {
  const unit = parseTarget(raw).unit;
  return unit !== null && KNOWN_UNITS.includes(unit) ? unit : '';
}
