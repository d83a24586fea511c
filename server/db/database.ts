import type { Kysely, Transaction } from 'kysely';
import type { ApiTokensTable, SessionsTable, UserCredentialsTable } from './tables/accounts.js';
import type { AssessmentsTable } from './tables/assessments.js';
import type { AuditLogTable } from './tables/audit-log.js';
import type { CitationsTable } from './tables/citations.js';
import type { EvidenceTable } from './tables/evidence.js';
import type { EvidenceRatingsTable } from './tables/evidence-ratings.js';
import type { HypothesesTable } from './tables/hypotheses.js';
import type { IdempotencyKeysTable } from './tables/idempotency-keys.js';
import type { IndicatorExpectationsTable } from './tables/indicator-expectations.js';
import type { IndicatorObservationsTable } from './tables/indicator-observations.js';
import type { IndicatorsTable } from './tables/indicators.js';
import type { ModelLedgerTable, ModelStatesTable } from './tables/model.js';
import type { QuestionsTable } from './tables/questions.js';
import type { ResolutionsTable } from './tables/resolutions.js';
import type { AssessmentRetractionsTable, EvidenceRetractionsTable } from './tables/retractions.js';
import type { ScenarioImportsTable } from './tables/scenario-imports.js';
import type { SourcesTable } from './tables/sources.js';
import type { UsersTable } from './tables/users.js';

export interface Database {
  users: UsersTable;
  user_credentials: UserCredentialsTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  audit_log: AuditLogTable;
  questions: QuestionsTable;
  hypotheses: HypothesesTable;
  sources: SourcesTable;
  citations: CitationsTable;
  indicators: IndicatorsTable;
  indicator_expectations: IndicatorExpectationsTable;
  evidence: EvidenceTable;
  evidence_ratings: EvidenceRatingsTable;
  evidence_retractions: EvidenceRetractionsTable;
  indicator_observations: IndicatorObservationsTable;
  assessments: AssessmentsTable;
  assessment_retractions: AssessmentRetractionsTable;
  resolutions: ResolutionsTable;
  scenario_imports: ScenarioImportsTable;
  idempotency_keys: IdempotencyKeysTable;
  model_states: ModelStatesTable;
  model_ledger: ModelLedgerTable;
}

export type Db = Kysely<Database>;
/** What repositories take first: the database, or a transaction when the caller holds one. */
export type Executor = Kysely<Database> | Transaction<Database>;
