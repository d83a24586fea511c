import type { Migration } from 'kysely/migration';
import * as createUsersAndAudit from './2026-11-21T17-30-00-create-users-and-audit.js';
import * as createQuestions from './2026-11-21T17-31-00-create-questions.js';
import * as createIndicatorsAndCitations from './2026-11-21T17-32-00-create-indicators-and-citations.js';
import * as createEvidence from './2026-11-21T17-33-00-create-evidence.js';
import * as createJudgments from './2026-11-21T17-34-00-create-judgments.js';
import * as createImportsAndIdempotency from './2026-11-21T17-35-00-create-imports-and-idempotency.js';
import * as addRationaleAndStance from './2026-11-21T20-00-00-add-rationale-and-stance.js';
import * as createModelLedger from './2026-11-21T21-00-00-create-model-ledger.js';
import * as addResolutionImpliedBy from './2026-11-22T09-00-00-add-resolution-implied-by.js';
import * as addResolutionsToModel from './2026-11-22T10-00-00-add-resolutions-to-model.js';
import * as createAccounts from './2026-11-23T09-00-00-create-accounts.js';

/**
 * Every migration, listed by hand: a directory scan does not survive bundlers and test runners.
 * Names sort in the order they run. Migrations are frozen once landed; add, never edit.
 */
export const migrations: Record<string, Migration> = {
  '2026-11-21T17-30-00-create-users-and-audit': createUsersAndAudit,
  '2026-11-21T17-31-00-create-questions': createQuestions,
  '2026-11-21T17-32-00-create-indicators-and-citations': createIndicatorsAndCitations,
  '2026-11-21T17-33-00-create-evidence': createEvidence,
  '2026-11-21T17-34-00-create-judgments': createJudgments,
  '2026-11-21T17-35-00-create-imports-and-idempotency': createImportsAndIdempotency,
  '2026-11-21T20-00-00-add-rationale-and-stance': addRationaleAndStance,
  '2026-11-21T21-00-00-create-model-ledger': createModelLedger,
  '2026-11-22T09-00-00-add-resolution-implied-by': addResolutionImpliedBy,
  '2026-11-22T10-00-00-add-resolutions-to-model': addResolutionsToModel,
  '2026-11-23T09-00-00-create-accounts': createAccounts,
};
