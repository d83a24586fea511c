import { statusChangeProblem } from '../domain/indicators.js';
import type { FieldProblem } from '../errors.js';
import { type EvidenceInput, EvidenceInputSchema } from './evidence.js';

/**
 * The evidence CSV's columns, and a file's records read back as the evidence input the API
 * takes, for bulk backfills: one row per item, a `rating:<hypothesis>` column per hypothesis
 * ("CC", or "CC:3" with an explicit likelihood ratio) and an `observation:<indicator>` column
 * per indicator (a status). Hypotheses and indicators are named by key where they have one, else
 * by id; an import takes either.
 */

/** What an observation column needs of its indicator. */
interface CsvIndicator {
  id: string;
  key: string | null;
  expected_by: string | null;
}

export const ITEM_COLUMNS = [
  'id',
  'occurred_on',
  'title',
  'summary',
  'source_title',
  'source_url',
  'reliability',
  'credibility',
  'relevance',
] as const;
/** Written for the record and ignored on import: an imported item is recorded when imported. */
export const RECORD_COLUMNS = [
  'recorded_at',
  'recorded_by',
  'retracted_at',
  'retraction_reason',
] as const;
const REQUIRED = ['title', 'occurred_on', 'reliability', 'credibility'] as const;
export const RATING = 'rating:';
export const OBSERVATION = 'observation:';
/** How a column names a hypothesis or an indicator: its key, else its id. */
export const refOf = (member: { id: string; key: string | null }) => member.key ?? member.id;

export type Header =
  | { kind: 'item'; name: (typeof ITEM_COLUMNS)[number] }
  | { kind: 'rating'; hypothesisId: string }
  | { kind: 'observation'; indicator: CsvIndicator }
  | { kind: 'ignored' };

export function readHeader(
  names: string[],
  hypotheses: readonly { id: string; key: string | null }[],
  indicators: readonly CsvIndicator[],
): { headers: Header[]; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const at = (name: string, message: string) =>
    problems.push({ path: `body.line.1.${name}`, message });
  const byRef = <T extends { id: string; key: string | null }>(list: readonly T[], ref: string) =>
    list.find((m) => m.id === ref) ?? list.find((m) => m.key === ref);
  const headers = names.map((name): Header => {
    if ((ITEM_COLUMNS as readonly string[]).includes(name)) {
      return { kind: 'item', name: name as (typeof ITEM_COLUMNS)[number] };
    }
    if ((RECORD_COLUMNS as readonly string[]).includes(name)) return { kind: 'ignored' };
    if (name.startsWith(RATING)) {
      const hypothesis = byRef(hypotheses, name.slice(RATING.length));
      if (hypothesis) return { kind: 'rating', hypothesisId: hypothesis.id };
      at(name, 'names no hypothesis of this question (by id or key)');
    } else if (name.startsWith(OBSERVATION)) {
      const indicator = byRef(indicators, name.slice(OBSERVATION.length));
      if (indicator) return { kind: 'observation', indicator };
      at(name, 'names no indicator of this question (by id or key)');
    } else {
      at(
        name,
        `is not a column this import reads (${[...ITEM_COLUMNS].join(', ')}, rating:…, observation:…)`,
      );
    }
    return { kind: 'ignored' };
  });
  for (const name of REQUIRED) if (!names.includes(name)) at(name, 'is a required column');
  const seen = new Set<string>();
  for (const name of names) {
    if (seen.has(name)) at(name, 'appears twice');
    seen.add(name);
  }
  return { headers, problems };
}

export interface ParsedRow {
  line: number;
  id: string | undefined;
  input: EvidenceInput;
}

function ratingCell(cell: string) {
  const [rating, ratio] = cell.split(':');
  return ratio === undefined
    ? rating
    : { rating, likelihood_ratio: ratio.trim() === '' ? Number.NaN : Number(ratio) };
}

/** One record as the evidence input the API takes, and where each of its fields came from. */
function rowInput(headers: Header[], names: string[], cells: string[]) {
  const item: Record<string, string> = {};
  const ratings: Record<string, unknown> = {};
  const observations: { indicator_id: string; status: string }[] = [];
  const columnOf = new Map<string, string>();
  headers.forEach((h, i) => {
    const cell = (cells[i] ?? '').trim();
    const name = names[i] as string;
    if (h.kind === 'item') item[h.name] = cell;
    else if (h.kind === 'rating' && cell !== '') {
      ratings[h.hypothesisId] = ratingCell(cell);
      columnOf.set(`ratings.${h.hypothesisId}`, name);
    } else if (h.kind === 'observation' && cell !== '') {
      columnOf.set(`observations.${observations.length}`, name);
      observations.push({ indicator_id: h.indicator.id, status: cell });
    }
  });
  const blank = (name: string) => (item[name] ? item[name] : undefined);
  const input = {
    title: item.title ?? '',
    summary: item.summary ?? '',
    occurred_on: item.occurred_on ?? '',
    source:
      blank('source_title') || blank('source_url')
        ? { title: blank('source_title'), url: blank('source_url') }
        : undefined,
    reliability: item.reliability ?? '',
    credibility: blank('credibility') === undefined ? undefined : Number(item.credibility),
    relevance: blank('relevance'),
    ratings,
    observations,
  };
  const column = (path: PropertyKey[]) => {
    const [first, second] = path.map(String);
    if (first === 'source') return second === 'url' ? 'source_url' : 'source_title';
    return columnOf.get(`${first}.${second}`) ?? first ?? 'row';
  };
  return { input, column, id: blank('id') };
}

const EVIDENCE_ID = /^ev_[a-z2-7]{16}$/;

/** Every record read and checked, before anything is written; the problems name line and column. */
export function readRows(
  records: { line: number; cells: string[] }[],
  headers: Header[],
  names: string[],
  statuses: Map<string, string>,
): { rows: ParsedRow[]; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const rows: ParsedRow[] = [];
  const ids = new Set<string>();
  for (const { line, cells } of records) {
    const at = (column: string, message: string) =>
      problems.push({ path: `body.line.${line}.${column}`, message });
    if (cells.length !== names.length) {
      at('row', `has ${cells.length} cells; the header has ${names.length}`);
      continue;
    }
    const { input, column, id } = rowInput(headers, names, cells);
    if (id !== undefined && !EVIDENCE_ID.test(id)) at('id', 'is not an evidence id (ev_…)');
    if (id !== undefined && ids.has(id)) at('id', 'appears on an earlier line');
    if (id !== undefined) ids.add(id);
    const parsed = EvidenceInputSchema.safeParse(input);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) at(column(issue.path), issue.message);
      continue;
    }
    // Status changes are checked in file order, each against the one before it.
    for (const [i, o] of parsed.data.observations.entries()) {
      const header = headers.find(
        (h) => h.kind === 'observation' && h.indicator.id === o.indicator_id,
      ) as Header & { kind: 'observation' };
      const reason = statusChangeProblem(
        (statuses.get(o.indicator_id) ?? 'NOT_OBSERVED') as never,
        o.status,
        { expectedBy: header.indicator.expected_by, on: parsed.data.occurred_on },
      );
      if (reason) at(column(['observations', i]), `cannot be ${o.status}: ${reason}`);
      else statuses.set(o.indicator_id, o.status);
    }
    rows.push({ line, id, input: parsed.data });
  }
  return { rows, problems };
}
