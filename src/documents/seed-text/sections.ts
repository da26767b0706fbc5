import { type ReadContext, fail, note, quote } from './context.ts';
import { COVER_YEAR, type OverallSection, PART1, PART1_TITLE, PART2, PART2_TITLE, SECTION_NAMES } from './layout.ts';
import { type SourceLine, labelKey } from './lines.ts';

export interface SectionLines {
  /** Line of the section heading. */
  line: number;
  lines: SourceLine[];
}

/** The document cut along its headings: 第一部分's three sections, and 第二部分's tables. */
export interface DocumentParts {
  fiscalYear: { year: number; line: number } | null;
  sections: Partial<Record<OverallSection, SectionLines>>;
  part2: SectionLines | null;
}

type State = 'preamble' | 'part1' | OverallSection | 'part2';

const SECTION_HEADING = new RegExp(
  String.raw`^(?:[一二三四五六七八九十]+[、.．])?(${Object.values(SECTION_NAMES).join('|')})$`,
);

export function splitParts(ctx: ReadContext, lines: SourceLine[]): DocumentParts {
  const parts: DocumentParts = { fiscalYear: null, sections: {}, part2: null };
  let state: State = 'preamble';
  for (const line of lines) {
    if (parts.part2) {
      addPart2Line(parts.part2, line);
    } else if (line.kind === 'blank') {
      // Blank lines separate paragraphs in a section; on the cover they mean nothing.
      if (isSection(state)) parts.sections[state]!.lines.push(line);
    } else {
      state = nextState(ctx, parts, line) ?? readOutside(ctx, parts, state, line);
    }
  }
  return parts;
}

/** A part or section heading switches state; anything else returns null. */
function nextState(ctx: ReadContext, parts: DocumentParts, line: SourceLine): State | null {
  if (line.kind !== 'text') return null;
  const key = labelKey(line.text);
  if (key === PART1) return 'part1';
  if (key === PART2) {
    parts.part2 = { line: line.no, lines: [] };
    return 'part2';
  }
  const section = SECTION_HEADING.exec(key);
  if (!section) return null;
  const name = (Object.keys(SECTION_NAMES) as OverallSection[]).find((s) => SECTION_NAMES[s] === section[1])!;
  const seen = parts.sections[name];
  if (seen) fail(ctx, line.no, `“${SECTION_NAMES[name]}”重复出现（第 ${seen.line} 行已有）`);
  parts.sections[name] = { line: line.no, lines: [] };
  return name;
}

/** Lines that are not headings: kept for their section, or (before any section) cover text. */
function readOutside(ctx: ReadContext, parts: DocumentParts, state: State, line: SourceLine): State {
  if (line.kind === 'cell') {
    const where = isSection(state) ? `“${SECTION_NAMES[state]}”中` : '文档开头';
    fail(ctx, line.no, `表格应在“${PART2} ${PART2_TITLE}”之下，实际出现在${where}`);
  }
  if (isSection(state)) parts.sections[state]!.lines.push(line);
  else readCover(ctx, parts, line);
  return state;
}

function isSection(state: State): state is OverallSection {
  return state in SECTION_NAMES;
}

/** The cover carries no data, except the year when a writer put it there ("…2021年绩效目标"). */
function readCover(ctx: ReadContext, parts: DocumentParts, line: SourceLine): void {
  if (labelKey(line.text) === PART1_TITLE) return;
  const year = line.text.includes('绩效目标') ? COVER_YEAR.exec(line.text) : null;
  if (year && !parts.fiscalYear) {
    parts.fiscalYear = { year: Number(year[1]), line: line.no };
    return;
  }
  note(ctx, line.no, 'text-ignored', `已忽略不属于任何部分的文字${quote(line.text)}`);
}

/** 第二部分's own title line is not a table title. */
function addPart2Line(part2: SectionLines, line: SourceLine): void {
  const first = part2.lines.every((l) => l.kind === 'blank');
  if (first && line.kind === 'text' && labelKey(line.text) === PART2_TITLE) return;
  part2.lines.push(line);
}
