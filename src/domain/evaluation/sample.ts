import { mulberry32 } from '../generate/prng.ts';

/**
 * The bureau's 复核 sample (财预〔2020〕10号: the finance department re-checks a selection of the
 * self-evaluations). Two documented ways, both reproducible:
 * - random: a share of the candidates (rounded up), drawn by a seeded shuffle of the unit codes in
 *   code order, so the same seed over the same candidates picks the same units (the seed is recorded);
 * - rule: `excellent-low-execution` picks a unit with a project graded 优 although its 执行率 is
 *   below 80 % (a high score on money not spent is the classic inflated 自评); `high-score` picks a
 *   unit whose mean score is 90 or more (every 优 is worth a second look).
 */
export interface SampleCandidate {
  unitCode: string;
  meanScore: number | null;
  projects: readonly { grade: string | null; executionRate: number | null }[];
}

type SampleRule = 'excellent-low-execution' | 'high-score';

type SampleMethod =
  { method: 'random'; share: number; seed: number } | { method: 'rule'; rules: readonly SampleRule[] };

const LOW_EXECUTION_PERCENT = 80;
const HIGH_SCORE = 90;

export function selectSample(candidates: readonly SampleCandidate[], how: SampleMethod): string[] {
  const ordered = [...candidates].sort((a, b) => (a.unitCode < b.unitCode ? -1 : a.unitCode > b.unitCode ? 1 : 0));
  if (how.method === 'random') {
    const count = Math.min(ordered.length, Math.ceil(ordered.length * how.share));
    return mulberry32(how.seed)
      .sample(
        ordered.map((c) => c.unitCode),
        count,
      )
      .sort();
  }
  return ordered.filter((c) => how.rules.some((rule) => matches(c, rule))).map((c) => c.unitCode);
}

function matches(candidate: SampleCandidate, rule: SampleRule): boolean {
  if (rule === 'high-score') return candidate.meanScore !== null && candidate.meanScore >= HIGH_SCORE;
  return candidate.projects.some(
    (p) => p.grade === '优' && p.executionRate !== null && p.executionRate < LOW_EXECUTION_PERCENT,
  );
}
