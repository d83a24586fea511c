import { groupBy } from '../domain/group-by.js';
import { INITIAL_INDICATOR_STATUS, indicatorDiagnosticity } from '../domain/indicators.js';
import { clampProbability } from '../domain/probability.js';
import { effectivePriors } from '../domain/questions.js';
import { TEAM_METHOD, teamForecasts } from '../domain/team.js';
import { wordsFor } from '../domain/words.js';
import type { StandingJudgment } from '../repositories/assessments.js';
import type { CitationRow } from '../repositories/citations.js';
import type { EvidenceCounts } from '../repositories/evidence.js';
import type { HypothesisRow } from '../repositories/hypotheses.js';
import type { ExpectationRow, IndicatorRow, StatusRow } from '../repositories/indicators.js';
import type { QuestionRow } from '../repositories/questions.js';
import type { ResolutionRow } from '../repositories/resolutions.js';
import type { SourceRow } from '../repositories/sources.js';
import type { HypothesisView, IndicatorView, QuestionView } from '../schemas/views.js';

/** Everything read for a set of questions, as the repositories return it. */
export interface QuestionRows {
  questions: QuestionRow[];
  hypotheses: HypothesisRow[];
  indicators: IndicatorRow[];
  judgments: StandingJudgment[];
  resolutions: ResolutionRow[];
  citations: CitationRow[];
  sources: SourceRow[];
  expectations: ExpectationRow[];
  statuses: StatusRow[];
  evidenceCounts: EvidenceCounts[];
  /** The model's probabilities by question, then hypothesis; absent where nothing moved them. */
  models: Map<string, Record<string, number>>;
}

const iso = (d: Date) => d.toISOString();

/** Pure: rows in, the API's question views out (the shapes of schemas/views.ts). */
export function assembleQuestionViews(rows: QuestionRows, asOf: Date | undefined): QuestionView[] {
  const sources = new Map(rows.sources.map((s) => [s.id, s]));
  const citationView = (c: CitationRow) => {
    const s = sources.get(c.source_id) as SourceRow;
    return {
      id: c.id,
      source: {
        id: s.id,
        key: s.key,
        title: s.title,
        author: s.author,
        publisher: s.publisher,
        url: s.url,
        document: s.document,
        published_on: s.published_on,
        date_note: s.date_note,
      },
      quote: c.quote,
      words: c.words,
      reading: c.reading,
      probability: c.probability,
      probability_reason: c.probability_reason,
      stance: c.stance,
      published_on: s.published_on,
    };
  };
  const citationsByHypothesis = groupBy(
    rows.citations.filter((c) => c.hypothesis_id),
    (c) => c.hypothesis_id,
  );
  const citationsByIndicator = groupBy(
    rows.citations.filter((c) => c.indicator_id),
    (c) => c.indicator_id,
  );
  const judgments = groupBy(rows.judgments, (j) => j.hypothesis_id);
  const resolutions = new Map(rows.resolutions.map((r) => [r.hypothesis_id, r]));
  const expectations = groupBy(rows.expectations, (e) => e.indicator_id);
  const statuses = new Map(rows.statuses.map((s) => [s.indicator_id, s]));
  const counts = new Map(rows.evidenceCounts.map((c) => [c.question_id, c]));
  const hypothesesByQuestion = groupBy(rows.hypotheses, (h) => h.question_id);
  const indicatorsByQuestion = groupBy(rows.indicators, (i) => i.question_id);

  return rows.questions.map((q) => {
    const hypothesisRows = hypothesesByQuestion.get(q.id) ?? [];
    const priors = effectivePriors(
      q.kind,
      hypothesisRows.map((h) => h.prior),
    );
    const standing = hypothesisRows.map((h) => judgments.get(h.id) ?? []);
    const team = teamForecasts(
      q.kind,
      standing.map((js) => js.map((j) => j.probability)),
    );
    const hypotheses: HypothesisView[] = hypothesisRows.map((h, i) => {
      const prior = priors[i] as number;
      const own = standing[i] as StandingJudgment[];
      const teamView = team[i] ?? null;
      const judgment = latestJudgment(own);
      const resolution = resolutions.get(h.id);
      // The model series starts at the prior (METHODS §3) until evidence moves it.
      const model = rows.models.get(q.id)?.[h.id] ?? clampProbability(prior);
      return {
        id: h.id,
        key: h.key,
        question_id: h.question_id,
        title: h.title,
        statement: h.statement,
        horizon: h.horizon,
        resolution_criteria: h.resolution_criteria,
        prior,
        stated_prior: h.prior,
        opened_at: iso(h.opened_at),
        rationale: h.rationale,
        current: {
          analyst: teamView,
          model,
          analyst_words: teamView === null ? null : wordsFor(teamView),
          model_words: wordsFor(model),
          analyst_judgment: judgment
            ? {
                probability: judgment.probability,
                words: wordsFor(judgment.probability),
                valid_at: iso(judgment.valid_at),
                recorded_at: iso(judgment.recorded_at),
              }
            : null,
          team:
            teamView === null
              ? null
              : {
                  probability: teamView,
                  words: wordsFor(teamView),
                  method: TEAM_METHOD,
                  n: own.length,
                },
          analysts: own.map((j) => ({
            analyst_id: j.analyst_id as string,
            username: j.username,
            display_name: j.display_name,
            probability: j.probability,
            words: wordsFor(j.probability),
            valid_at: iso(j.valid_at),
            recorded_at: iso(j.recorded_at),
          })),
          hidden_by_blind_mode: false,
        },
        status: resolution ? 'resolved' : 'open',
        resolution: resolution
          ? { outcome: resolution.outcome, resolved_at: iso(resolution.resolved_at) }
          : null,
        citations: (citationsByHypothesis.get(h.id) ?? []).map(citationView),
        recorded_at: iso(h.recorded_at),
        recorded_by: h.recorded_by,
      };
    });
    const known = new Set(hypothesisRows.map((h) => h.id));
    const indicators: IndicatorView[] = (indicatorsByQuestion.get(q.id) ?? []).map((x) => {
      const rated = (expectations.get(x.id) ?? []).filter((e) => known.has(e.hypothesis_id));
      const status = statuses.get(x.id);
      return {
        id: x.id,
        key: x.key,
        question_id: x.question_id,
        title: x.title,
        description: x.description,
        threshold: x.threshold,
        expected_by: x.expected_by,
        status: status?.status ?? INITIAL_INDICATOR_STATUS,
        status_changed_at: status ? iso(status.observed_at) : null,
        status_evidence_id: status?.evidence_id ?? null,
        expectations: Object.fromEntries(rated.map((e) => [e.hypothesis_id, e.expectation])),
        diagnosticity: indicatorDiagnosticity(rated.map((e) => e.expectation)),
        citations: (citationsByIndicator.get(x.id) ?? []).map(citationView),
        recorded_at: iso(x.recorded_at),
        recorded_by: x.recorded_by,
      };
    });
    const evidence = counts.get(q.id);
    return {
      id: q.id,
      key: q.key,
      title: q.title,
      description: q.description,
      kind: q.kind,
      tags: q.tags,
      blind: q.blind,
      hypotheses,
      indicators,
      counts: {
        hypotheses: hypotheses.length,
        open_hypotheses: hypotheses.filter((h) => h.status === 'open').length,
        indicators: indicators.length,
        evidence: evidence?.total ?? 0,
        retracted_evidence: evidence?.retracted ?? 0,
      },
      recorded_at: iso(q.recorded_at),
      recorded_by: q.recorded_by,
      as_of: asOf ? iso(asOf) : null,
      method: 'signpost-v1' as const,
    };
  });
}

/** The most recent of several analysts' judgments, by valid then recorded time. */
function latestJudgment(judgments: readonly StandingJudgment[]): StandingJudgment | undefined {
  let latest: StandingJudgment | undefined;
  for (const j of judgments) {
    const newer =
      !latest ||
      j.valid_at.getTime() > latest.valid_at.getTime() ||
      (j.valid_at.getTime() === latest.valid_at.getTime() &&
        j.recorded_at.getTime() > latest.recorded_at.getTime());
    if (newer) latest = j;
  }
  return latest;
}
