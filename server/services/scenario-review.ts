import { type DiagnosticityClass, indicatorDiagnosticity } from '../domain/indicators.js';
import type { ScenarioFile } from '../schemas/scenario-file.js';

/** An indicator "speaks to" a hypothesis when its expectation there is anything but "could". */
const speaksTo = (expectation: string) => expectation !== 'C';

export interface QuestionReview {
  key: string;
  kind: string;
  indicators: { key: string; spread: number; class: DiagnosticityClass }[];
  /** Per hypothesis: the indicators whose expectation under it is not "could", its sources'
   * forecasts and its opposing citations. */
  coverage: { key: string; indicators: number; forecasts: number; opposing: number }[];
}

/**
 * Pure: the Indicators Validator (METHODS §4) over a scenario file, plus how well each
 * hypothesis is covered by indicators and by its sources' own forecasts. Used by
 * `npm run scenarios:check` and by the tests of the built-in set.
 */
export function reviewScenarioFile(file: ScenarioFile): QuestionReview[] {
  return file.questions.map((q) => ({
    key: q.key,
    kind: q.kind,
    indicators: q.indicators.map((x) => ({
      key: x.key,
      ...indicatorDiagnosticity(q.hypotheses.map((h) => x.expectations[h.key] ?? 'C')),
    })),
    coverage: q.hypotheses.map((h) => ({
      key: h.key,
      indicators: q.indicators.filter((x) => speaksTo(x.expectations[h.key] ?? 'C')).length,
      forecasts: h.citations.filter((c) => c.words).length,
      opposing: h.citations.filter((c) => c.stance === 'opposes').length,
    })),
  }));
}
