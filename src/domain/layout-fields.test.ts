import { describe, expect, it } from 'vitest';
import { layoutDocument } from '../../test/layout-fields-fixture.ts';
import { keepLayoutFields } from './layout-fields.ts';
import type { Indicator, Project } from './targets.ts';

/** The project as an editor that knows none of the layout fields sends it back. */
function plain(project: Project): Project {
  const { derivedCode: _derived, details: _details, ...rest } = project;
  const strip = ({ nature: _n, weight: _w, direction: _d, extras: _e, ...indicator }: Indicator) => indicator;
  return { ...rest, indicators: rest.indicators.map(strip) };
}

describe('keepLayoutFields', () => {
  const stored = layoutDocument().projects[0]!;

  it('keeps every stored layout field the edit leaves out', () => {
    expect(keepLayoutFields(stored, plain(stored))).toEqual(stored);
  });

  it('takes what the edit states, and follows an indicator moved to another position by its name', () => {
    const edited = plain(stored);
    edited.indicators = [{ ...edited.indicators[1]!, weight: '3' }, edited.indicators[0]!];
    const merged = keepLayoutFields(stored, edited);
    expect(merged.indicators[0]).toEqual({ ...stored.indicators[1], weight: '3' });
    expect(merged.indicators[1]).toEqual(stored.indicators[0]);
  });

  it('gives a new indicator nothing, and forgets derivedCode once the code is replaced', () => {
    const edited = { ...plain(stored), code: 'P-1' };
    edited.indicators = [...edited.indicators, { ...edited.indicators[0]!, name: '新增指标' }];
    const merged = keepLayoutFields(stored, edited);
    expect(merged.derivedCode).toBeUndefined();
    expect(merged.details).toEqual(stored.details);
    expect(merged.indicators.at(-1)!.weight).toBeUndefined();
  });
});
