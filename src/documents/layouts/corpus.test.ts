import { describe, expect, it } from 'vitest';
import type { TargetsDocument } from '../../domain/targets.ts';
import { fixtureJson } from '../../../test/seed-text.ts';
import { factDifferences } from '../../../test/layout-corpus/compare.ts';
import type { Facts } from '../../../test/layout-corpus/facts.ts';
import { CORPUS, FORMATS, corpusFile, corpusFileName } from '../../../test/layout-corpus/index.ts';
import { placeCells, type CorpusDocument } from '../../../test/layout-corpus/table.ts';
import { writeTargetsDocx } from '../docx/index.ts';
import { readGrids } from '../tables/read-grids.ts';
import { readTables } from './read-tables.ts';

/*
 * Acceptance test of issue 15 (item 9): every document of our own corpus (test/layout-corpus: the official forms'
 * structure, our own values), written as .docx, .xlsx and text, must come back through readGrids → readTables with
 * every fact it states — names, amounts exactly in 元, each indicator's target as written, actual values, weights,
 * scores, monitoring progress — and be recognised as its layout. `npm run corpus -- <dir>` writes the same files.
 */

describe('the corpus states what its tables print', () => {
  it.each(CORPUS.map((d) => [d.id, d] as const))(
    '%s: each amount in 元 appears in the tables in its money unit',
    (_, document) => {
      const texts = new Set(document.tables.flatMap((t) => placeCells(t.rows).cells.map((c) => c.text)));
      for (const amount of statedAmounts(document.facts)) {
        const shown = inUnit(amount, document.moneyUnit);
        expect(
          shown.some((s) => texts.has(s)),
          `${document.id}: ${amount} 元 as ${shown.join(' or ')}`,
        ).toBe(true);
      }
    },
  );

  it('covers at least seven layouts, two or more projects in one file, and each money unit', () => {
    expect(new Set(CORPUS.map((d) => d.facts.layout)).size).toBeGreaterThanOrEqual(7);
    expect(CORPUS.some((d) => d.facts.projects.length >= 2)).toBe(true);
    expect(new Set(CORPUS.map((d) => d.moneyUnit))).toEqual(new Set(['元', '万元', '千元']));
  });
});

describe('every corpus file gives back every fact it states', () => {
  const cases = CORPUS.flatMap((document) =>
    FORMATS.map((format) => [corpusFileName(document, format), document, format] as const),
  );
  it.each(cases)('%s', async (fileName, document, format) => {
    const reading = readTables(await readGrids(await corpusFile(document, format), fileName));
    expect(factDifferences(document.facts, reading), fileName).toEqual([]);
  });
});

describe('the seed layout through the new pipeline', () => {
  // Exactness of the seed's own reader is docx-round-trip.test.ts; this checks the layout registry reads it too.
  it('Jixiao’s own .docx of the seed is recognised as hebei-seed with every project and indicator', async () => {
    const seed = fixtureJson('shanhaiguan-2020.expected.json') as TargetsDocument;
    const reading = readTables(await readGrids(await writeTargetsDocx(seed), 'seed.docx'));
    expect(factDifferences(seedFacts(seed), reading)).toEqual([]);
  });
});

function seedFacts(seed: TargetsDocument): Facts {
  return {
    layout: 'hebei-seed',
    kind: 'project-targets',
    unit: { code: seed.unit.code, name: seed.unit.name },
    projects: seed.projects.map((p) => ({
      name: p.name,
      code: p.code,
      budget: p.budget,
      indicators: p.indicators.map((i) => ({ level1: i.level1, level2: i.level2, name: i.name, target: i.target.raw })),
    })),
  };
}

function statedAmounts(facts: Facts): string[] {
  const budgets = [...facts.projects.map((p) => p.budget), facts.overall?.budget];
  const amounts: (string | null | undefined)[] = budgets.flatMap((b) => (b ? [b.total, b.fiscal, b.other] : []));
  for (const { execution } of facts.projects)
    if (execution)
      amounts.push(
        execution.planned,
        execution.adjusted,
        execution.executed,
        execution.fiscal?.planned,
        execution.fiscal?.executed,
      );
  return amounts.filter((a): a is string => typeof a === 'string');
}

/** "125000.00" 元 in 万元: "12.5" (as typed) or "12.50"; exact, through integer cents. */
function inUnit(yuan: string, unit: CorpusDocument['moneyUnit']): string[] {
  const cents = BigInt(yuan.replace('.', ''));
  const scale = { 元: 100n, 万元: 1_000_000n, 千元: 100_000n }[unit];
  const digits = scale.toString().length - 1;
  const whole = cents / scale;
  const fraction = (cents % scale).toString().padStart(digits, '0');
  const trimmed = fraction.replace(/0+$/, '');
  return [trimmed ? `${whole}.${trimmed}` : `${whole}`, `${whole}.${fraction.slice(0, 2).padEnd(2, '0')}`];
}
