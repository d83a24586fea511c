import { type Insertable, type InsertObject, type Selectable, sql } from 'kysely';
import type { Database, Executor } from '../db/database.js';
import type { Write } from '../db/one-statement.js';
import type { EvidenceTable } from '../db/tables/evidence.js';
import type { EvidenceRatingsTable } from '../db/tables/evidence-ratings.js';
import type { EvidenceRetractionsTable } from '../db/tables/retractions.js';
import { END_OF_TIME } from './as-of.js';

export interface EvidenceCounts {
  question_id: string;
  total: number;
  retracted: number;
}

/** Evidence logged per question by `asOf`, and how much of it had been retracted by then. */
export async function countEvidence(
  ex: Executor,
  questionIds: readonly string[],
  asOf?: Date,
): Promise<EvidenceCounts[]> {
  if (questionIds.length === 0) return [];
  return ex
    .selectFrom('evidence as e')
    .leftJoin('evidence_retractions as r', (join) =>
      join.onRef('r.evidence_id', '=', 'e.id').on('r.recorded_at', '<=', asOf ?? END_OF_TIME),
    )
    .select([
      'e.question_id',
      sql<number>`count(*)::int`.as('total'),
      sql<number>`count(r.evidence_id)::int`.as('retracted'),
    ])
    .where('e.question_id', 'in', questionIds)
    .$if(asOf !== undefined, (q) => q.where('e.recorded_at', '<=', asOf as Date))
    .groupBy('e.question_id')
    .execute();
}

export type EvidenceRow = Selectable<EvidenceTable>;
export type RatingRow = Selectable<EvidenceRatingsTable>;
export type RetractionRow = Selectable<EvidenceRetractionsTable>;

/** Rows may give values as SQL expressions (a recorded time taken by the database, say). */
export async function insertEvidence(
  ex: Executor,
  rows: InsertObject<Database, 'evidence'>[],
): Promise<EvidenceRow[]> {
  if (rows.length === 0) return [];
  return ex.insertInto('evidence').values(rows).returningAll().execute();
}

/** The insert of these ratings, to run alone or with other writes (see writeTogether). */
export const ratingsInsert = (ex: Executor, rows: Insertable<EvidenceRatingsTable>[]): Write =>
  ex.insertInto('evidence_ratings').values(rows);

export async function insertRatings(ex: Executor, rows: Insertable<EvidenceRatingsTable>[]) {
  if (rows.length > 0) await ratingsInsert(ex, rows).execute();
}

export async function insertRetraction(
  ex: Executor,
  row: Insertable<EvidenceRetractionsTable>,
): Promise<RetractionRow> {
  return ex.insertInto('evidence_retractions').values(row).returningAll().executeTakeFirstOrThrow();
}

/** The evidence rows with these ids, as recorded by `asOf`. */
export async function findEvidence(
  ex: Executor,
  ids: readonly string[],
  asOf?: Date,
): Promise<EvidenceRow[]> {
  if (ids.length === 0) return [];
  return ex
    .selectFrom('evidence')
    .selectAll()
    .where('id', 'in', ids)
    .where('recorded_at', '<=', asOf ?? END_OF_TIME)
    .execute();
}

export async function findRatings(
  ex: Executor,
  evidenceIds: readonly string[],
): Promise<RatingRow[]> {
  if (evidenceIds.length === 0) return [];
  return ex
    .selectFrom('evidence_ratings')
    .selectAll()
    .where('evidence_id', 'in', evidenceIds)
    .execute();
}

export async function findRetractions(
  ex: Executor,
  evidenceIds: readonly string[],
  asOf?: Date,
): Promise<RetractionRow[]> {
  if (evidenceIds.length === 0) return [];
  return ex
    .selectFrom('evidence_retractions')
    .selectAll()
    .where('evidence_id', 'in', evidenceIds)
    .where('recorded_at', '<=', asOf ?? END_OF_TIME)
    .execute();
}

export interface EvidenceLogFilter {
  questionId: string;
  asOf?: Date | undefined;
  /** The last item of the previous page: its exact recorded time (as text) and id. */
  after?: { recordedAt: string; id: string } | undefined;
  limit: number;
  hypothesisId?: string | undefined;
  ratings?: readonly string[] | undefined;
  indicatorId?: string | undefined;
  reliabilities?: readonly string[] | undefined;
  credibilities?: readonly number[] | undefined;
  from?: string | undefined;
  to?: string | undefined;
  text?: string | undefined;
  retracted: 'include' | 'exclude' | 'only';
}

/** LIKE's own characters in user text match themselves. */
const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * One page of a question's evidence log, newest recorded first. The cursor carries the
 * recorded time to the microsecond, as PostgreSQL keeps it; a JavaScript Date would round it.
 */
export async function evidenceLogPage(
  ex: Executor,
  f: EvidenceLogFilter,
): Promise<{ id: string; cursor_at: string }[]> {
  const until = f.asOf ?? END_OF_TIME;
  return ex
    .selectFrom('evidence as e')
    .leftJoin('sources as s', 's.id', 'e.source_id')
    .leftJoin('evidence_retractions as x', (join) =>
      join.onRef('x.evidence_id', '=', 'e.id').on('x.recorded_at', '<=', until),
    )
    .select([
      'e.id',
      sql<string>`to_char(e.recorded_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`.as(
        'cursor_at',
      ),
    ])
    .where('e.question_id', '=', f.questionId)
    .where('e.recorded_at', '<=', until)
    .$if(f.after !== undefined, (q) =>
      q.where(
        sql<boolean>`(e.recorded_at, e.id) < (${f.after?.recordedAt}::timestamptz, ${f.after?.id})`,
      ),
    )
    .$if(f.hypothesisId !== undefined, (q) =>
      q.where((eb) =>
        eb.exists(
          eb
            .selectFrom('evidence_ratings as r')
            .select('r.evidence_id')
            .whereRef('r.evidence_id', '=', 'e.id')
            .where('r.hypothesis_id', '=', f.hypothesisId as string)
            .where(
              'r.rating',
              'in',
              (f.ratings ?? ['CC', 'C', 'N', 'I', 'II']) as (
                | 'CC'
                | 'C'
                | 'N'
                | 'I'
                | 'II'
                | 'NA'
              )[],
            ),
        ),
      ),
    )
    .$if(f.indicatorId !== undefined, (q) =>
      q.where((eb) =>
        eb.exists(
          eb
            .selectFrom('indicator_observations as o')
            .select('o.id')
            .whereRef('o.evidence_id', '=', 'e.id')
            .where('o.indicator_id', '=', f.indicatorId as string),
        ),
      ),
    )
    .$if(f.reliabilities !== undefined, (q) =>
      q.where(sql<boolean>`e.reliability = any(${f.reliabilities}::text[])`),
    )
    .$if(f.credibilities !== undefined, (q) =>
      q.where(sql<boolean>`e.credibility = any(${f.credibilities}::int[])`),
    )
    .$if(f.from !== undefined, (q) => q.where('e.occurred_on', '>=', f.from as string))
    .$if(f.to !== undefined, (q) => q.where('e.occurred_on', '<=', f.to as string))
    .$if(f.text !== undefined, (q) => {
      const pattern = likePattern(f.text as string);
      return q.where((eb) =>
        eb.or([
          eb('e.title', 'ilike', pattern),
          eb('e.summary', 'ilike', pattern),
          eb('s.title', 'ilike', pattern),
        ]),
      );
    })
    .$if(f.retracted === 'exclude', (q) => q.where('x.evidence_id', 'is', null))
    .$if(f.retracted === 'only', (q) => q.where('x.evidence_id', 'is not', null))
    .orderBy('e.recorded_at', 'desc')
    .orderBy('e.id', 'desc')
    .limit(f.limit + 1)
    .execute();
}

export async function evidenceTitles(
  ex: Executor,
  ids: readonly string[],
): Promise<{ id: string; title: string }[]> {
  if (ids.length === 0) return [];
  return ex.selectFrom('evidence').select(['id', 'title']).where('id', 'in', ids).execute();
}

/** The latest recorded evidence across questions, with its question's title. */
export async function latestEvidence(ex: Executor, limit: number) {
  return ex
    .selectFrom('evidence as e')
    .innerJoin('questions as q', 'q.id', 'e.question_id')
    .leftJoin('evidence_retractions as r', 'r.evidence_id', 'e.id')
    .select([
      'e.id',
      'e.title',
      'e.occurred_on',
      'e.reliability',
      'e.credibility',
      'e.recorded_at',
      'e.question_id',
      'q.title as question_title',
      'r.evidence_id as retracted_id',
    ])
    .orderBy('e.recorded_at', 'desc')
    .orderBy('e.id', 'desc')
    .limit(limit)
    .execute();
}
