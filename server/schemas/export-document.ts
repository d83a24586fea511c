import { z } from '@hono/zod-openapi';
import { DateSchema, DateTimeSchema } from './common.js';

/**
 * The portable document (`GET /api/export`, `POST /api/import`): every record table, row by row,
 * under its own name, with the ids it has here. Derived tables (the model's state and ledger) are
 * left out and rebuilt on import; so are the audit log and idempotency keys, which belong to the
 * installation that wrote them.
 *
 * Each table is described once, column by column; the export's SQL, the import's SQL and the
 * validation of an imported document all come from that description.
 */

type Kind = 'id' | 'text' | 'timestamp' | 'date' | 'number' | 'integer' | 'tags' | 'json';
/** A column's kind; a trailing `?` makes it nullable. */
type ColumnSpec = Kind | `${Kind}?`;

export interface TableSpec {
  columns: Record<string, ColumnSpec>;
  /** The primary key: a row whose key is already stored is left as stored. */
  key: readonly string[];
  /** The export's order: stable, and referenced rows before the rows that refer to them. */
  order: string;
}

const recorded = { recorded_at: 'timestamp', recorded_by: 'id' } as const;
const byId = { key: ['id'], order: 'id collate "C"' } as const;

/** The record tables in an order that inserts every referenced row before its referrers. */
export const TABLES = {
  users: {
    columns: { id: 'id', username: 'text', display_name: 'text', role: 'text' },
    ...byId,
  },
  sources: {
    columns: {
      id: 'id',
      key: 'text?',
      title: 'text',
      author: 'text?',
      publisher: 'text?',
      url: 'text?',
      document: 'text?',
      published_on: 'date?',
      date_note: 'text?',
      ...recorded,
    },
    ...byId,
  },
  questions: {
    columns: {
      id: 'id',
      key: 'text?',
      title: 'text',
      description: 'text',
      kind: 'text',
      tags: 'tags',
      ...recorded,
    },
    ...byId,
  },
  hypotheses: {
    columns: {
      id: 'id',
      question_id: 'id',
      key: 'text?',
      position: 'integer',
      title: 'text',
      statement: 'text',
      horizon: 'date',
      resolution_criteria: 'text',
      prior: 'number',
      rationale: 'text?',
      opened_at: 'timestamp',
      ...recorded,
    },
    ...byId,
  },
  indicators: {
    columns: {
      id: 'id',
      question_id: 'id',
      key: 'text?',
      position: 'integer',
      title: 'text',
      description: 'text',
      threshold: 'text?',
      expected_by: 'date?',
      ...recorded,
    },
    ...byId,
  },
  indicator_expectations: {
    columns: {
      id: 'id',
      question_id: 'id',
      indicator_id: 'id',
      hypothesis_id: 'id',
      expectation: 'text',
      ...recorded,
    },
    ...byId,
  },
  citations: {
    columns: {
      id: 'id',
      source_id: 'id',
      hypothesis_id: 'id?',
      indicator_id: 'id?',
      position: 'integer',
      quote: 'text',
      words: 'text?',
      reading: 'text?',
      probability: 'number?',
      probability_reason: 'text?',
      stance: 'text',
      ...recorded,
    },
    ...byId,
  },
  evidence: {
    columns: {
      id: 'id',
      question_id: 'id',
      title: 'text',
      summary: 'text',
      occurred_on: 'date',
      source_id: 'id?',
      reliability: 'text',
      credibility: 'integer',
      relevance: 'text',
      ...recorded,
    },
    ...byId,
  },
  evidence_ratings: {
    columns: {
      evidence_id: 'id',
      hypothesis_id: 'id',
      question_id: 'id',
      rating: 'text',
      likelihood_ratio: 'number?',
    },
    key: ['evidence_id', 'hypothesis_id'],
    order: 'evidence_id collate "C", hypothesis_id collate "C"',
  },
  evidence_retractions: {
    columns: { evidence_id: 'id', reason: 'text', ...recorded },
    key: ['evidence_id'],
    order: 'evidence_id collate "C"',
  },
  indicator_observations: {
    columns: {
      id: 'id',
      indicator_id: 'id',
      evidence_id: 'id?',
      status: 'text',
      observed_at: 'timestamp',
      note: 'text',
      ...recorded,
    },
    ...byId,
  },
  assessments: {
    columns: {
      id: 'id',
      hypothesis_id: 'id',
      forecaster_kind: 'text',
      analyst_id: 'id?',
      citation_id: 'id?',
      probability: 'number',
      rationale: 'text',
      set_id: 'id?',
      valid_at: 'timestamp',
      ...recorded,
    },
    ...byId,
  },
  assessment_retractions: {
    columns: { assessment_id: 'id', reason: 'text', ...recorded },
    key: ['assessment_id'],
    order: 'assessment_id collate "C"',
  },
  resolutions: {
    columns: {
      id: 'id',
      hypothesis_id: 'id',
      outcome: 'text',
      resolved_at: 'timestamp',
      note: 'text',
      evidence_id: 'id?',
      supersedes_id: 'id?',
      reason: 'text?',
      implied_by: 'id?',
      ...recorded,
    },
    key: ['id'],
    // A superseded row was recorded earlier; an implying row shares its siblings' time and
    // goes first.
    order: 'recorded_at, implied_by is not null, id collate "C"',
  },
  scenario_imports: {
    columns: { id: 'id', name: 'text', sha256: 'text', counts: 'json', ...recorded },
    ...byId,
  },
} as const satisfies Record<string, TableSpec>;

export type TableName = keyof typeof TABLES;
export const TABLE_NAMES = Object.keys(TABLES) as TableName[];

const KIND_SCHEMAS: Record<Kind, z.ZodType> = {
  id: z.string().min(1, 'must not be empty').max(100, 'must be at most 100 characters'),
  text: z.string({ message: 'must be text' }).max(100_000, 'must be at most 100000 characters'),
  timestamp: DateTimeSchema,
  date: DateSchema,
  number: z.number({ message: 'must be a number' }),
  integer: z.number({ message: 'must be an integer' }).int('must be an integer'),
  tags: z.array(z.string().max(100)).max(100),
  json: z.record(z.string(), z.unknown()),
};

function rowSchema(spec: TableSpec): z.ZodType<ExportRow> {
  return z
    .object(
      Object.fromEntries(
        Object.entries(spec.columns).map(([name, column]) => {
          const schema = KIND_SCHEMAS[column.replace('?', '') as Kind];
          return [name, column.endsWith('?') ? schema.nullable() : schema];
        }),
      ),
    )
    .strict();
}

export type ExportRow = Record<string, unknown>;
export type ExportTables = Record<TableName, ExportRow[]>;

export const EXPORT_FORMAT = 'signpost-export';
export const EXPORT_VERSION = 1;

export const ExportDocumentSchema = z
  .object({
    format: z.literal(EXPORT_FORMAT, { message: `must be "${EXPORT_FORMAT}"` }),
    version: z.literal(EXPORT_VERSION, { message: `must be ${EXPORT_VERSION}` }),
    method: z.literal('signpost-v1'),
    /** The question the document was limited to, or null for the whole database. */
    question: z.string().nullable(),
    tables: z
      .object(
        Object.fromEntries(
          TABLE_NAMES.map((name) => [name, z.array(rowSchema(TABLES[name])).default([])]),
        ) as unknown as Record<TableName, z.ZodDefault<z.ZodArray<z.ZodType<ExportRow>>>>,
      )
      .strict(),
  })
  .openapi('ExportDocument', {
    description:
      'Every record table, row by row, as stored: ids, both clocks, who recorded what. ' +
      'Importing it into an empty database and exporting again gives the same document.',
  });
export type ExportDocument = z.infer<typeof ExportDocumentSchema>;

export const ExportQuerySchema = z.object({
  question: z
    .string()
    .optional()
    .openapi({ description: 'Limit the document to one question and what it refers to' }),
});

const TableCountsSchema = z.record(z.string(), z.number().int());

export const ImportReportSchema = z
  .object({
    /** Rows written, by table. */
    added: TableCountsSchema,
    /** Rows whose key was already stored: left as stored, not duplicated. */
    present: TableCountsSchema,
    /** Questions whose model was rebuilt from the imported facts. */
    recomputed: z.array(z.string()),
    method: z.literal('signpost-v1'),
  })
  .openapi('ImportReport');
export type ImportReport = z.infer<typeof ImportReportSchema>;
