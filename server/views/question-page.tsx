import type { ChartHypothesis } from '../charts/timeline-data.js';
import type { EvidenceLogQuery } from '../schemas/evidence.js';
import type { MatrixSort } from '../schemas/matrix.js';
import type { QuestionView } from '../schemas/views.js';
import type { QuestionPage } from '../services/question-page.js';
import { AsOfPicker } from './as-of.js';
import { day } from './format.js';
import { AssessmentsTable } from './question/assessments.js';
import { EvidenceLog } from './question/evidence-log.js';
import { IndicatorBoard } from './question/indicator-board.js';
import { MatrixTable } from './question/matrix-table.js';
import { MovedPanel } from './question/moved.js';
import { TimelineFigure } from './timeline-chart.js';
import { Allowed, CsrfField } from './viewer.js';

export const NOTICES = {
  judgment: 'Judgment recorded.',
  retracted: 'Evidence retracted: it stays in the log, and the model was recomputed without it.',
  indicator: 'Indicator added.',
  created: 'Question created. Add its hypotheses and indicators below.',
  blind: 'Blind mode changed.',
} as const;
export type Notice = keyof typeof NOTICES;

export interface QuestionPageProps {
  page: QuestionPage;
  asOf: string | undefined;
  chart: { from: number | null; to: number | null };
  matrix: { sort: MatrixSort; all: boolean };
  logQuery: Partial<EvidenceLogQuery>;
  notice: Notice | undefined;
  /** This page's URL with some parameters changed (undefined removes one). */
  link: (changes: Record<string, string | undefined>) => string;
  /** The parameters the chart's range form carries along. */
  keep: Record<string, string>;
  now: number;
}

export function QuestionPageView(props: QuestionPageProps) {
  const { question, timelines, matrix, log, logged } = props.page;
  const hypotheses: ChartHypothesis[] = question.hypotheses.map((h, position) => ({
    id: h.id,
    title: h.title,
    position,
  }));
  const writable = props.asOf === undefined;
  return (
    <>
      <p class="meta">
        <a href="/">Dashboard</a> ›{' '}
        {question.tags.map((t) => (
          <a class="tag" href={`/?tag=${encodeURIComponent(t)}`}>
            {t}
          </a>
        ))}
      </p>
      <h1>{question.title}</h1>
      {question.description ? <p class="lede">{question.description}</p> : null}
      <p class="meta">
        {question.kind === 'exclusive'
          ? 'Exclusive: one of these hypotheses is true; probabilities sum to 1.'
          : 'Independent: each hypothesis is its own yes/no forecast.'}{' '}
        {question.counts.evidence} evidence ({question.counts.retracted_evidence} retracted) ·{' '}
        {question.counts.indicators} indicators · created {day(question.recorded_at)} ·{' '}
        <a
          href={`/questions/${question.id}/brief${question.as_of ? `?as_of=${encodeURIComponent(question.as_of)}` : ''}`}
        >
          Brief
        </a>{' '}
        · <a href={`/api/export?question=${question.id}`}>Export (JSON)</a> ·{' '}
        <a href={`/api/export/evidence.csv?question=${question.id}`}>Evidence (CSV)</a>
      </p>
      <AsOfPicker path={`/questions/${question.id}`} asOf={question.as_of} />
      {props.notice ? (
        <p class="banner" role="status">
          {NOTICES[props.notice]}
        </p>
      ) : null}
      {logged ? <MovedPanel effects={logged} question={question} /> : null}
      {writable ? (
        <p class="toolbar no-print">
          <Allowed permission="evidence.write">
            <a class="button" href={`/questions/${question.id}/evidence/new`}>
              Log evidence
            </a>
          </Allowed>
          <Allowed permission="judgment.write">
            <a class="button secondary" href={`/questions/${question.id}/judgment`}>
              Record a judgment
            </a>
          </Allowed>
          <Allowed permission="question.write">
            <a class="button secondary" href={`/questions/${question.id}/hypotheses/new`}>
              Add a hypothesis
            </a>
            <a class="button secondary" href={`/questions/${question.id}/indicators/new`}>
              Add an indicator
            </a>
            <BlindToggle question={question} />
          </Allowed>
        </p>
      ) : null}

      <h2 id="assessments">Assessments</h2>
      <AssessmentsTable question={question} />

      <h2 id="timeline">Timeline</h2>
      <TimelineFigure
        id="timeline-chart"
        caption={`Probability over valid time for each hypothesis of “${question.title}”`}
        hypotheses={hypotheses}
        timelines={timelines}
        range={props.chart}
        asOf={question.as_of}
        now={props.now}
        keep={props.keep}
      />

      <h2 id="indicators">Indicators</h2>
      <IndicatorBoard question={question} />

      <h2 id="matrix">ACH matrix</h2>
      <MatrixTable
        matrix={matrix}
        sort={props.matrix.sort}
        all={props.matrix.all}
        link={(c) => `${props.link(c)}#matrix`}
      />

      <h2 id="evidence">Evidence log</h2>
      <EvidenceLog
        question={question}
        log={log}
        query={props.logQuery}
        asOf={props.asOf}
        link={props.link}
      />
    </>
  );
}

/** Blind mode on or off: forecasters see others' judgments only after their own. */
function BlindToggle({ question }: { question: QuestionView }) {
  return (
    <form method="post" action={`/questions/${question.id}/blind`} class="inline">
      <CsrfField />
      <input type="hidden" name="blind" value={question.blind ? 'false' : 'true'} />
      <button type="submit" class="secondary">
        {question.blind ? 'Turn blind mode off' : 'Turn blind mode on'}
      </button>
    </form>
  );
}
