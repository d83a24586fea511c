import type { Actor } from '../actor.js';
import type { Db, Executor } from '../db/database.js';
import { statusChangeProblem } from '../domain/indicators.js';
import { type FieldProblem, invalid, notFound } from '../errors.js';
import { newId } from '../ids.js';
import { created, recordAudit } from '../repositories/audit.js';
import { findEvidence, insertEvidence, insertRatings } from '../repositories/evidence.js';
import { exportTable } from '../repositories/export-tables.js';
import {
  currentStatuses,
  type IndicatorRow,
  insertObservations,
} from '../repositories/indicators.js';
import { listMembers } from '../repositories/question-members.js';
import { findQuestions } from '../repositories/questions.js';
import { findOrAddSource, type SourceRow } from '../repositories/sources.js';
import { startOf } from '../schemas/common.js';
import { parseCsv } from '../schemas/csv.js';
import { type EvidenceInput, EvidenceInputSchema } from '../schemas/evidence.js';
import type { ImportReport } from '../schemas/export-document.js';
import { toCsv } from '../views/csv.js';
import type { ImportProgress } from './export-document.js';
import { recomputeModel } from './model.js';
import { lockedQuestion } from './question-lock.js';

/**
 * A question's evidence log as CSV, and the same columns read back for bulk backfills: one row
 * per item, a `rating:<hypothesis>` column per hypothesis ("CC", or "CC:3" with an explicit
 * likelihood ratio) and an `observation:<indicator>` column per indicator (a status). Hypotheses
 * and indicators are named by key where they have one, else by id; an import takes either.
 */

const ITEM_COLUMNS = [
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
const RECORD_COLUMNS = ['recorded_at', 'recorded_by', 'retracted_at', 'retraction_reason'] as const;
const REQUIRED = ['title', 'occurred_on', 'reliability', 'credibility'] as const;
const RATING = 'rating:';
const OBSERVATION = 'observation:';
/** Items written per statement, and between progress reports. */
const CHUNK = 1000;
/** Bad rows listed in one refusal; the count says how many there were. */
const MAX_PROBLEMS = 100;

const refOf = (member: { id: string; key: string | null }) => member.key ?? member.id;

/** The question's evidence, oldest valid time first, with its ratings, observations and retraction. */
export async function evidenceCsv(ex: Executor, questionId: string): Promise<string> {
  const [question] = await findQuestions(ex, { ids: [questionId] });
  if (!question) throw notFound('question', questionId);
  const [hypotheses, indicators, evidence, ratings, observations, retractions, sources] =
    await Promise.all([
      listMembers(ex, 'hypotheses', [questionId]),
      listMembers(ex, 'indicators', [questionId]),
      exportTable(ex, 'evidence', questionId),
      exportTable(ex, 'evidence_ratings', questionId),
      exportTable(ex, 'indicator_observations', questionId),
      exportTable(ex, 'evidence_retractions', questionId),
      exportTable(ex, 'sources', questionId),
    ]);
  const cellsOf = new Map<string, Record<string, string>>();
  const cells = (evidenceId: unknown) => {
    const id = String(evidenceId);
    const existing = cellsOf.get(id) ?? {};
    cellsOf.set(id, existing);
    return existing;
  };
  const hypothesisRef = new Map(hypotheses.map((h) => [h.id, `${RATING}${refOf(h)}`]));
  const indicatorRef = new Map(indicators.map((i) => [i.id, `${OBSERVATION}${refOf(i)}`]));
  for (const r of ratings) {
    const column = hypothesisRef.get(String(r.hypothesis_id)) as string;
    cells(r.evidence_id)[column] =
      r.likelihood_ratio === null ? String(r.rating) : `${r.rating}:${r.likelihood_ratio}`;
  }
  for (const o of observations) {
    if (o.evidence_id !== null) {
      cells(o.evidence_id)[indicatorRef.get(String(o.indicator_id)) as string] = String(o.status);
    }
  }
  for (const r of retractions) {
    Object.assign(cells(r.evidence_id), {
      retracted_at: String(r.recorded_at),
      retraction_reason: String(r.reason),
    });
  }
  const sourceOf = new Map(sources.map((s) => [s.id, s]));
  const columns = [
    ...ITEM_COLUMNS,
    ...hypothesisRef.values(),
    ...indicatorRef.values(),
    ...RECORD_COLUMNS,
  ];
  const rows = [...evidence]
    .sort(
      (a, b) =>
        String(a.occurred_on).localeCompare(String(b.occurred_on)) ||
        String(a.recorded_at).localeCompare(String(b.recorded_at)),
    )
    .map((e) => {
      const source = sourceOf.get(e.source_id);
      return Object.fromEntries(
        columns.map((c) => {
          const own = cells(e.id)[c];
          if (own !== undefined) return [c, own];
          if (c === 'source_title') return [c, source?.title ?? null];
          if (c === 'source_url') return [c, source?.url ?? null];
          const value = e[c];
          return [c, value === undefined || value === null ? null : (value as string | number)];
        }),
      ) as Record<string, string | number | null>;
    });
  return toCsv(columns, rows);
}

type Header =
  | { kind: 'item'; name: (typeof ITEM_COLUMNS)[number] }
  | { kind: 'rating'; hypothesisId: string }
  | { kind: 'observation'; indicator: IndicatorRow }
  | { kind: 'ignored' };

function readHeader(
  names: string[],
  hypotheses: readonly { id: string; key: string | null }[],
  indicators: readonly IndicatorRow[],
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

interface ParsedRow {
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
function readRows(
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

/** The source each row names, found by URL or added once per distinct source of the file. */
async function sourcesOf(ex: Executor, actor: Actor, rows: ParsedRow[]) {
  const found = new Map<string, SourceRow>();
  for (const { input } of rows) {
    if (!input.source) continue;
    const key = input.source.url ?? `title:${input.source.title}`;
    if (!found.has(key)) {
      found.set(
        key,
        await findOrAddSource(ex, input.source, { id: newId('src'), recorded_by: actor.userId }),
      );
    }
  }
  return (input: EvidenceInput) =>
    input.source ? found.get(input.source.url ?? `title:${input.source.title}`) : undefined;
}

function refused(problems: FieldProblem[], rows: number): never {
  const lines = new Set(problems.map((p) => p.path.split('.')[2])).size;
  throw invalid(
    problems.slice(0, MAX_PROBLEMS),
    `${lines} of ${rows} rows cannot be imported; nothing was written. ${problems
      .slice(0, 3)
      .map(
        (p) =>
          `line ${p.path.split('.')[2]}, ${p.path.split('.').slice(3).join('.')}: ${p.message}`,
      )
      .join('; ')}`,
  );
}

/**
 * Imports evidence from CSV into a question in one transaction, as logging each item would:
 * ratings, observations, sources and an audit entry per item, with its valid time as given
 * (backdated items are the point). Every row is checked first; one bad row refuses the file,
 * naming each bad cell by line and column. A row whose id is already stored is left as stored.
 */
export async function importEvidenceCsv(
  db: Db,
  actor: Actor,
  questionId: string,
  text: string,
  onProgress?: (progress: ImportProgress) => void,
): Promise<ImportReport> {
  const [head, ...records] = parseCsv(text);
  if (!head) throw invalid([{ path: 'body', message: 'is empty: a header line is required' }]);
  return db.transaction().execute(async (trx) => {
    const question = await lockedQuestion(trx, questionId);
    const [hypotheses, indicators] = await Promise.all([
      listMembers(trx, 'hypotheses', [questionId]),
      listMembers(trx, 'indicators', [questionId]),
    ]);
    const { headers, problems } = readHeader(head.cells, hypotheses, indicators);
    if (problems.length > 0) refused(problems, records.length);
    const statuses = new Map(
      (
        await currentStatuses(
          trx,
          indicators.map((i) => i.id),
        )
      ).map((s) => [s.indicator_id, s.status as string]),
    );
    const read = readRows(records, headers, head.cells, statuses);
    const stored = await findEvidence(
      trx,
      read.rows.flatMap((r) => (r.id ? [r.id] : [])),
    );
    for (const e of stored.filter((e) => e.question_id !== questionId)) {
      const row = read.rows.find((r) => r.id === e.id) as ParsedRow;
      read.problems.push({
        path: `body.line.${row.line}.id`,
        message: `is already an item of another question (${e.question_id})`,
      });
    }
    if (read.problems.length > 0) refused(read.problems, records.length);
    const storedIds = new Set(stored.map((e) => e.id));
    const rows = read.rows.filter((r) => !r.id || !storedIds.has(r.id));
    const sourceOf = await sourcesOf(trx, actor, rows);
    const added = { evidence: 0, evidence_ratings: 0, indicator_observations: 0 };
    for (let done = 0; done < rows.length; done += CHUNK) {
      const chunk = rows.slice(done, done + CHUNK);
      const items = await insertEvidence(
        trx,
        chunk.map(({ id, input }) => ({
          id: id ?? newId('ev'),
          question_id: questionId,
          title: input.title,
          summary: input.summary,
          occurred_on: input.occurred_on,
          source_id: sourceOf(input)?.id ?? null,
          reliability: input.reliability,
          credibility: input.credibility,
          relevance: input.relevance,
          recorded_by: actor.userId,
        })),
      );
      const ratings = items.flatMap((item, i) =>
        Object.entries((chunk[i] as ParsedRow).input.ratings).map(([hypothesisId, value]) => ({
          evidence_id: item.id,
          hypothesis_id: hypothesisId,
          question_id: questionId,
          rating: typeof value === 'string' ? value : value.rating,
          likelihood_ratio: typeof value === 'string' ? null : (value.likelihood_ratio ?? null),
        })),
      );
      const observations = items.flatMap((item, i) =>
        (chunk[i] as ParsedRow).input.observations.map((o) => ({
          id: newId('obs'),
          indicator_id: o.indicator_id,
          evidence_id: item.id,
          status: o.status,
          observed_at: startOf(item.occurred_on),
          note: o.note,
          recorded_at: item.recorded_at,
          recorded_by: actor.userId,
        })),
      );
      await insertRatings(trx, ratings);
      await insertObservations(trx, observations);
      await recordAudit(
        trx,
        actor,
        items.map((item, i) =>
          created('evidence', item, {
            ...item,
            ratings: (chunk[i] as ParsedRow).input.ratings,
            observations: (chunk[i] as ParsedRow).input.observations,
            imported_from_line: (chunk[i] as ParsedRow).line,
          }),
        ),
      );
      added.evidence += items.length;
      added.evidence_ratings += ratings.length;
      added.indicator_observations += observations.length;
      onProgress?.({ table: 'evidence', done: done + chunk.length, total: rows.length });
    }
    if (rows.length > 0) await recomputeModel(trx, question);
    return {
      added,
      present: { evidence: read.rows.length - rows.length },
      recomputed: rows.length > 0 ? [questionId] : [],
      method: 'signpost-v1' as const,
    };
  });
}
