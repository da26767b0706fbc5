import { pairIndicators } from './workflow/diff.ts';
import type { Indicator, Project } from './targets.ts';

/** An indicator's fields that only provincial layouts state (issue 15). */
const INDICATOR_FIELDS = ['nature', 'weight', 'direction', 'extras'] as const;

/**
 * A project edited by a client that does not know the fields provincial layouts add (the web editor
 * sends none of them), merged with what is stored: a field the edit leaves out keeps its stored value,
 * so editing a name does not wipe the 权重 read from a 四川 table (decision 030). Indicators have no
 * id: each keeps the fields of the stored indicator it pairs with (same unique 三级指标 name, else same
 * position), as the version diff pairs them. `derivedCode` is kept only while the code is unchanged:
 * replacing a derived key with a real 项目编码 is what the flag invites.
 */
export function keepLayoutFields(stored: Project, edited: Project): Project {
  const merged: Project = { ...edited, indicators: mergeIndicators(stored.indicators, edited.indicators) };
  if (edited.derivedCode === undefined && stored.derivedCode && edited.code === stored.code) merged.derivedCode = true;
  if (edited.details === undefined && stored.details !== undefined) merged.details = stored.details;
  return merged;
}

function mergeIndicators(stored: Indicator[], edited: Indicator[]): Indicator[] {
  const merged = [...edited];
  for (const pair of pairIndicators(stored, edited)) {
    if (!pair.before || !pair.after) continue;
    const indicator: Indicator = { ...pair.after };
    for (const field of INDICATOR_FIELDS) {
      if (indicator[field] === undefined && pair.before[field] !== undefined) copyField(indicator, pair.before, field);
    }
    merged[pair.position] = indicator;
  }
  return merged;
}

function copyField<K extends (typeof INDICATOR_FIELDS)[number]>(to: Indicator, from: Indicator, field: K): void {
  to[field] = from[field];
}
