import { categoryOfLevel1 } from './indicator-category.ts';
import { parseTargetValue } from './target-value.ts';
import type { Indicator, OverallTargets, Project, TargetsDocument } from './targets.ts';

/**
 * Derived fields are never trusted from the caller: a client may send a stale `target.op` or
 * `category`, so they are recomputed from the text (target.raw, level1) before anything is stored.
 * Texts are trimmed because cell text copied from Word carries stray spaces and line breaks.
 */
export function normaliseDocument(d: TargetsDocument): TargetsDocument {
  return {
    ...d,
    unit: { code: d.unit.code.trim(), name: d.unit.name.trim() },
    overall: normaliseOverall(d.overall),
    projects: d.projects.map(normaliseProject),
  };
}

export function normaliseProject(p: Project): Project {
  return {
    code: p.code.trim(),
    name: p.name.trim(),
    budget: { ...p.budget },
    purpose: p.purpose.trim(),
    spendingPlan: p.spendingPlan.map((checkpoint) => ({ ...checkpoint })),
    // An empty goal line carries nothing and could not be written to any layout; it is dropped.
    goals: p.goals.map((goal) => goal.trim()).filter((goal) => goal !== ''),
    indicators: p.indicators.map(normaliseIndicator),
    // What other layouts state (issue 15) is kept as read; absent stays absent, so seed documents are unchanged.
    ...(p.derivedCode === undefined ? {} : { derivedCode: p.derivedCode }),
    ...(p.details === undefined ? {} : { details: p.details }),
  };
}

export function normaliseIndicator(i: Indicator): Indicator {
  const level1 = i.level1.trim();
  return {
    level1,
    level2: i.level2.trim(),
    name: i.name.trim(),
    description: i.description.trim(),
    target: parseTargetValue(i.target.raw.trim()),
    basis: i.basis.trim(),
    category: categoryOfLevel1(level1),
    ...(i.nature === undefined ? {} : { nature: i.nature }),
    ...(i.weight === undefined ? {} : { weight: i.weight.trim() }),
    ...(i.direction === undefined ? {} : { direction: i.direction }),
    ...(i.extras === undefined ? {} : { extras: i.extras }),
  };
}

function normaliseOverall(o: OverallTargets): OverallTargets {
  return {
    goals: o.goals.map((goal) => {
      const detail = goal.detail?.trim() ?? null;
      // A blank detail means "none written", which the model spells null.
      return { seq: goal.seq, title: goal.title.trim(), detail: detail === '' ? null : detail };
    }),
    measures: o.measures.map((section) => ({
      heading: section.heading.trim(),
      items: section.items.map((item) => ({ label: item.label.trim(), text: item.text.trim() })),
    })),
    ...(o.indicators === undefined ? {} : { indicators: o.indicators.map(normaliseIndicator) }),
    ...(o.budget === undefined ? {} : { budget: { ...o.budget } }),
  };
}
