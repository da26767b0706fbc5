import { BoundedCache } from '../bounded-cache.ts';
import type { IndicatorCategory } from '../targets.ts';

/* What several rules read from names: spaces folded away, and traits of a level-3 name (by regex, cached). */

/**
 * Names without their spaces. Nearly every name has none: a scan of its characters answers that
 * without the regex's new string or a cache's hashing.
 */
export function squash(text: string): string {
  for (let i = 0; i < text.length; i++) {
    if (mayBeSpace(text.charCodeAt(i))) return text.replace(/[\s\u3000]+/g, '');
  }
  return text;
}

/** Every code unit JavaScript's \s matches (and a few control characters, which the regex then keeps). */
function mayBeSpace(code: number): boolean {
  if (code < 0x2000) return code <= 32 || code === 0xa0 || code === 0x1680;
  return (
    code <= 0x200a ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

export const CATEGORY_NAME: Record<IndicatorCategory, string> = {
  output: '产出指标',
  benefit: '效益指标',
  satisfaction: '满意度指标',
  cost: '成本指标',
};

/** Rates where more is better, and quantities where less is better (guide §4 rule 5). */
const HIGHER_IS_BETTER =
  /(?:完成|覆盖|发放|达标|合格|满意|及时|到位|知晓|参与|执行|使用|受益|普及|办结|回复|处理|入会|建会|登记|准确|完好|利用)率|满意度/;
const LOWER_IS_BETTER = /成本|费用|单价|投诉|差错|错误|事故|故障|失误|违规|超支|损失|延误|返工|不合格|发生率|误差/;

/**
 * What the rules read from a level-3 name, by regex: remembered per name, since a city's indicators
 * share a few thousand names (满意度, 完成率 …) across hundreds of thousands of rows (bounded).
 */
interface NameTraits {
  higherIsBetter: boolean;
  lowerIsBetter: boolean;
  growth: boolean;
  input: boolean;
  moneyResult: boolean;
  satisfaction: boolean;
  quality: boolean;
}

const traitsByName = new BoundedCache<string, NameTraits>(20_000);
const readTraits = (name: string): NameTraits => ({
  higherIsBetter: HIGHER_IS_BETTER.test(name),
  lowerIsBetter: LOWER_IS_BETTER.test(name),
  growth: GROWTH.test(name),
  input: INPUT_NAME.test(name),
  moneyResult: MONEY_RESULT.test(name),
  satisfaction: /满意/.test(name),
  quality: /合格率|达标率|准确率|完好率|完成率|验收/.test(name),
});
export const nameTraits = (name: string): NameTraits => traitsByName.remember(name, readTraits);

const GROWTH = /增长|增幅|增速|提高|提升/;

/** Money or staff put in is an input, not a result (guide §3): "投入资金20万元" is a defect. */
const INPUT_NAME = /投入|资金量|资金规模|资金总额|经费额|预算数|预算额|预算金额|拨付金额|人员数量|工作人员数/;
export const MONEY_UNIT = /^(?:元|万元|亿元)$/;
const MONEY_RESULT = /成本|节约|节省|收入|增收|效益|带动|撬动|降低|减少/;
