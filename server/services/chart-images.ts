import { calibrationConfig } from '../../web/charts/calibration.js';
import { colorAt } from '../../web/charts/colors.js';
import { probabilitiesConfig } from '../../web/charts/probabilities.js';
import { scoresConfig } from '../../web/charts/scores.js';
import { timelineConfig } from '../../web/charts/timeline.js';
import type { Actor } from '../actor.js';
import { type ImageOptions, renderChart } from '../charts/render.js';
import { calibrationChartData, scoresChartData } from '../charts/review-data.js';
import { timelineChartData } from '../charts/timeline-data.js';
import type { Executor } from '../db/database.js';
import { invalid } from '../errors.js';
import type {
  ImageQuery,
  ProbabilitiesImageQuery,
  ScoresImageQuery,
  TimelineImageQuery,
} from '../schemas/charts.js';
import { asOfInstant, startOf } from '../schemas/common.js';
import type { HypothesisView, QuestionView } from '../schemas/views.js';
import { judgmentsHidden } from './blind-mode.js';
import { replaysAsOf } from './model.js';
import { asTimelineHypothesis, CHART_SPANS } from './question-page.js';
import { readQuestion } from './question-reads.js';
import { computeScores } from './scores.js';
import { readTimelines } from './timeline.js';

/**
 * The charts as images (PNG or SVG), drawn on the server from the configurations the pages use,
 * each from the same reads as its page. An image answers for `as_of` when given, else for the
 * present minute: the footer says which, and the same data and parameters give the same bytes.
 */

export interface ChartImage {
  bytes: Uint8Array;
  contentType: string;
  filename: string;
}

const MINUTE = 60_000;
const DAY = 86_400_000;

/** The instant an image answers for: as_of, or the present rounded up to the minute. */
function imageInstant(query: ImageQuery): { asOf: Date | undefined; at: Date } {
  const asOf = asOfInstant(query.as_of);
  return { asOf, at: asOf ?? new Date(Math.ceil(Date.now() / MINUTE) * MINUTE) };
}

function imageOptions(query: ImageQuery, title: string, at: Date, what: string): ImageOptions {
  const when = `${at.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
  return {
    format: query.format,
    width: query.width,
    height: query.height,
    scale: query.scale,
    title: query.title ?? title,
    footer: `Signpost · ${what} · data as of ${when} · method signpost-v1`,
  };
}

async function image(
  config: Parameters<typeof renderChart>[0],
  options: ImageOptions,
  name: string,
): Promise<ChartImage> {
  return {
    bytes: await renderChart(config, options),
    contentType: options.format === 'svg' ? 'image/svg+xml' : 'image/png',
    filename: `${name}.${options.format}`,
  };
}

/** The question's hypotheses a chart draws: those asked for (each must be the question's), or all. */
function chosen(question: QuestionView, ids: readonly string[] | undefined): HypothesisView[] {
  if (!ids?.length) return question.hypotheses;
  const unknown = ids.filter((id) => !question.hypotheses.some((h) => h.id === id));
  if (unknown.length > 0) {
    throw invalid(
      unknown.map((id) => ({
        path: 'query.hypothesis',
        message: `${id} is not a hypothesis of this question`,
      })),
    );
  }
  return question.hypotheses.filter((h) => ids.includes(h.id));
}

const positioned = (question: QuestionView, list: readonly HypothesisView[]) =>
  list.map((h) => ({ id: h.id, title: h.title, position: question.hypotheses.indexOf(h) }));

/** A question's timeline: chosen hypotheses and series, a date range, its largest moves labelled. */
export async function timelineImage(
  ex: Executor,
  questionId: string,
  query: TimelineImageQuery,
  reader?: Actor,
): Promise<ChartImage> {
  const { asOf, at } = imageInstant(query);
  if (query.from && query.to && query.from > query.to) {
    throw invalid([{ path: 'query.to', message: 'must not be before from' }]);
  }
  const replays = replaysAsOf(ex, asOf);
  const question = await readQuestion(ex, questionId, asOf, replays, reader);
  const hypotheses = chosen(question, query.hypothesis);
  const timelines = await readTimelines(ex, question, hypotheses.map(asTimelineHypothesis), asOf, {
    spans: CHART_SPANS,
    replays,
    hideJudgments: judgmentsHidden(question),
  });
  const data = timelineChartData(positioned(question, hypotheses), timelines, {
    from: query.from ? startOf(query.from).getTime() : null,
    to: query.to ? startOf(query.to).getTime() + DAY - 1 : null,
    end: at.getTime(),
  });
  const series = query.series?.length ? query.series : ['model', 'analyst', 'source'];
  const config = timelineConfig({
    ...data,
    series: data.series.filter((s) => series.includes(s.series)),
    marker_labels: query.labels,
  });
  return image(
    config,
    imageOptions(
      query,
      question.title,
      at,
      'probability over time (model solid, analysts dashed, ▲ cited authors)',
    ),
    `signpost-timeline-${questionId}`,
  );
}

/** The current probabilities as bars over the ICD 203 bands. */
export async function probabilitiesImage(
  ex: Executor,
  questionId: string,
  query: ProbabilitiesImageQuery,
  reader?: Actor,
): Promise<ChartImage> {
  const { asOf, at } = imageInstant(query);
  const question = await readQuestion(ex, questionId, asOf, replaysAsOf(ex, asOf), reader);
  const config = probabilitiesConfig({
    bars: chosen(question, query.hypothesis).map((h) => ({
      name: h.title,
      color: colorAt(question.hypotheses.indexOf(h)),
      model: h.current.model,
      analyst: h.current.analyst,
    })),
  });
  return image(
    config,
    imageOptions(query, question.title, at, 'current probabilities, ICD 203 bands'),
    `signpost-probabilities-${questionId}`,
  );
}

async function scores(ex: Executor, query: ScoresImageQuery) {
  const { asOf, at } = imageInstant(query);
  const { report } = await computeScores(ex, { ...query, as_of: asOf?.toISOString() });
  return { report, at };
}

/** The calibration chart of the scores the filters select (as /review draws it). */
export async function calibrationImage(ex: Executor, query: ScoresImageQuery): Promise<ChartImage> {
  const { report, at } = await scores(ex, query);
  return image(
    calibrationConfig(calibrationChartData(report.forecasters)),
    imageOptions(query, 'Calibration', at, `${report.hypotheses.length} resolved hypotheses`),
    'signpost-calibration',
  );
}

/** The score table as bars: Brier per forecaster, best first, with n and skill. */
export async function scoresImage(ex: Executor, query: ScoresImageQuery): Promise<ChartImage> {
  const { report, at } = await scores(ex, query);
  return image(
    scoresConfig(scoresChartData(report)),
    imageOptions(
      query,
      'Brier score by forecaster',
      at,
      `${report.hypotheses.length} resolved hypotheses`,
    ),
    'signpost-scores',
  );
}
