/**
 * Which stored unit a document means when it names the unit but states no 单位编码 (most provincial tables,
 * guide §8; issue 15 item 4). Exact after folding (NFKC, so full-width letters, digits and brackets equal their
 * half-width forms; spaces removed), else close matches ranked for a person to choose from: never guessed.
 */

export interface NamedUnit {
  code: string;
  name: string;
}

export interface UnitMatch<U extends NamedUnit> {
  /** The one unit whose folded name equals the stated one; null when none, or when several do. */
  exact: U | null;
  /** Several units with the same folded name (a person must choose by code). */
  ambiguous: U[];
  /** The closest other names, best first, with how alike they are (0 … 1, below 1). */
  close: (U & { similarity: number })[];
}

/** Close matches below this are not offered: they share too little to be the unit meant. */
const MIN_SIMILARITY = 0.3;

/** A unit's or project's name as compared: NFKC (full-width forms folded), no spaces of any kind. */
export function foldName(name: string): string {
  return name.normalize('NFKC').replace(/\s+/gu, '');
}

/**
 * The stored project a project read from a table is: the same code, or — when the table stated no 项目编码 and the
 * code was derived from the name — the one stored project of the same name; null when there is none (or several).
 */
export function matchStatedProject<P extends { code: string; name: string }>(
  stated: { code: string; name: string; derivedCode?: boolean },
  stored: readonly P[],
): P | null {
  const byCode = stored.find((candidate) => candidate.code === stated.code);
  if (byCode) return byCode;
  if (!stated.derivedCode) return null;
  const name = foldName(stated.name);
  const byName = stored.filter((candidate) => foldName(candidate.name) === name);
  return byName.length === 1 ? byName[0]! : null;
}

/** Matches a stated unit name against the stored units. */
export function matchUnitName<U extends NamedUnit>(stated: string, units: readonly U[], limit = 5): UnitMatch<U> {
  const target = foldName(stated);
  const same = units.filter((unit) => foldName(unit.name) === target);
  const close = units
    .filter((unit) => foldName(unit.name) !== target)
    .map((unit) => ({ ...unit, similarity: nameSimilarity(target, foldName(unit.name)) }))
    .filter((unit) => unit.similarity >= MIN_SIMILARITY)
    .sort((a, b) => b.similarity - a.similarity || a.code.localeCompare(b.code))
    .slice(0, limit);
  return { exact: same.length === 1 ? same[0]! : null, ambiguous: same.length > 1 ? same : [], close };
}

/**
 * How alike two folded names are: the Dice coefficient of their character bigrams, raised when one name
 * contains the other ("山海关区总工会" in "秦皇岛市山海关区总工会": a document often drops the city). Below 1.
 */
function nameSimilarity(a: string, b: string): number {
  if (a.length === 0 || b.length === 0) return 0;
  const dice = diceCoefficient(a, b);
  const [shorter, longer] = a.length <= b.length ? [a, b] : [b, a];
  const contained = longer.includes(shorter) ? 0.6 + 0.35 * (shorter.length / longer.length) : 0;
  return Math.min(0.99, Math.max(dice, contained));
}

function diceCoefficient(a: string, b: string): number {
  const left = bigrams(a);
  const right = bigrams(b);
  const total = [...left.values()].reduce((sum, n) => sum + n, 0) + [...right.values()].reduce((sum, n) => sum + n, 0);
  if (total === 0) return 0;
  let shared = 0;
  for (const [pair, count] of left) shared += Math.min(count, right.get(pair) ?? 0);
  return (2 * shared) / total;
}

/** Character bigrams with their counts; a one-character name is its own single "bigram". */
function bigrams(text: string): Map<string, number> {
  const chars = [...text];
  const pairs = new Map<string, number>();
  if (chars.length === 1) pairs.set(chars[0]!, 1);
  for (let i = 0; i + 1 < chars.length; i += 1) {
    const pair = chars[i]! + chars[i + 1]!;
    pairs.set(pair, (pairs.get(pair) ?? 0) + 1);
  }
  return pairs;
}
