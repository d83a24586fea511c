import { Hono } from 'hono';
import type { Db } from '../../db/database.js';
import type { AppEnv } from '../../http/env.js';
import { EvidenceLogQuerySchema } from '../../schemas/evidence.js';
import { ResolutionInputSchema } from '../../schemas/resolutions.js';
import { readEvidenceLog } from '../../services/evidence-log.js';
import { readQuestionResolution, resolveHypothesis } from '../../services/resolutions.js';
import { ResolutionForm } from '../../views/forms/resolution-form.js';
import { parseInput } from './form-input.js';
import { type FormSpec, formRoutes } from './form-routes.js';
import type { Render } from './render.js';

/** The newest items a settling-evidence choice offers. */
const EVIDENCE_CHOICES = 200;

async function loadTarget(db: Db, id: string) {
  const target = await readQuestionResolution(db, id);
  const log = await readEvidenceLog(
    db,
    target.question.id,
    EvidenceLogQuerySchema.parse({ limit: String(EVIDENCE_CHOICES), retracted: 'exclude' }),
  );
  return { ...target, evidence: log.items };
}

const resolutionForm: FormSpec<Awaited<ReturnType<typeof loadTarget>>> = {
  path: '/hypotheses/:id/resolution',
  permission: 'resolution.write',
  load: loadTarget,
  title: ({ hypothesis }) => `Resolve · ${hypothesis.title}`,
  view: ({ question, hypothesis, standing, evidence }, form) => (
    <ResolutionForm
      action={`/hypotheses/${hypothesis.id}/resolution`}
      form={form}
      exclusive={question.kind === 'exclusive'}
      standing={standing}
      evidence={evidence}
    />
  ),
  fields: () => ['outcome', 'resolved_at', 'note', 'evidence_id', 'supersede_reason'],
  submit: async (db, actor, { hypothesis }, values) => {
    await resolveHypothesis(db, actor, hypothesis.id, parseInput(ResolutionInputSchema, values));
    return `/review/hypotheses/${hypothesis.id}?done=resolution`;
  },
};

/** Resolve a hypothesis (or re-resolve it, with a reason). */
export function resolutionFormPages(db: Db, render: Render) {
  return new Hono<AppEnv>().route('/', formRoutes(db, render, resolutionForm));
}
