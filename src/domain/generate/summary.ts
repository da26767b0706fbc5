import type { GeneratedUnit } from './index.ts';

/** What a generation run wrote, into the database or a directory alike. */
export interface GenerateSummary {
  units: number;
  projects: number;
  indicators: number;
}

export type ProgressCallback = (done: number, total: number) => void;

/** Adds one written unit to the summary. */
export function countGenerated(summary: GenerateSummary, unit: GeneratedUnit): void {
  summary.units += 1;
  summary.projects += unit.document.projects.length;
  summary.indicators += unit.document.projects.reduce((n, p) => n + p.indicators.length, 0);
}
