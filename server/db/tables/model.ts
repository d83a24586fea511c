import type { ColumnType } from 'kysely';
import type { Rating } from '../../domain/ratings.js';
import type { UpdatePart } from '../../domain/updating.js';

/** jsonb: written as JSON text, read back parsed. */
type Jsonb<T> = ColumnType<T, string, string>;

/** Derived from the append-only facts; rewritten when a question is recomputed. */
export interface ModelStatesTable {
  question_id: string;
  /** [hypothesis id, probability] in the question's order of hypotheses. */
  probabilities: Jsonb<[string, number][]>;
  applied: Jsonb<Record<string, number>>;
  /** An exclusive set's resolved hypotheses: 1 true, 0 false or annulled. */
  closed: ColumnType<Record<string, 0 | 1>, string | undefined, string>;
  last_valid_on: ColumnType<string | null, string | null, string | null>;
  last_recorded_at: ColumnType<Date | null, Date | null, Date | null>;
  next_seq: number;
  computed_at: ColumnType<Date, Date | undefined, Date>;
}

export interface ModelLedgerTable {
  question_id: string;
  seq: number;
  hypothesis_id: string;
  cause_type: 'evidence' | 'observation' | 'retraction' | 'resolution';
  cause_id: string;
  valid_at: ColumnType<Date, Date, Date>;
  cause_recorded_at: ColumnType<Date, Date, Date>;
  rating: Rating | null;
  weight: number | null;
  factor: number | null;
  p_before: number;
  p_after: number;
  parts: Jsonb<UpdatePart[]>;
}
