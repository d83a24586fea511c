import type { ReviewPage } from '../../services/review-page.js';
import { InstantInput } from '../as-of.js';

const HORIZONS = [
  ['0', 'latest before resolution'],
  ['30', '30 days before'],
  ['90', '90 days before'],
  ['180', '180 days before'],
  ['365', '365 days before'],
] as const;

const REFERENCES = [
  ['constant', 'constant 0.5'],
  ['base-rate', 'base rate'],
  ['prior', 'the prior'],
] as const;

/** A GET form over the scores' filters: the same parameters /api/scores takes. */
export function ReviewFilters({
  page,
  values,
}: {
  page: ReviewPage;
  values: Record<string, string>;
}) {
  const forecasterChoices = [
    ['', 'Model, analysts and sources'],
    ['model', 'The model'],
    ['analysts', 'Every analyst'],
    ['sources', 'Every cited source'],
    ...page.forecasters.filter((f) => f.kind !== 'model').map((f) => [f.id, f.label] as const),
  ] as const;
  const referenceChoices = [
    ...REFERENCES,
    ...page.forecasters.map((f) => [f.id, f.label] as const),
  ];
  const select = (name: string, label: string, options: readonly (readonly [string, string])[]) => (
    <label>
      {label}
      <select name={name}>
        {options.map(([value, text]) => (
          <option value={value} selected={(values[name] ?? '') === value}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <form method="get" action="/review" class="toolbar" aria-label="Filter the scores">
      {select('question', 'Question', [
        ['', 'All questions'],
        ...page.questions.map((q) => [q.id, q.title] as const),
      ])}
      {select('tag', 'Tag', [['', 'Any tag'], ...page.tags.map((t) => [t, t] as const)])}
      {select('forecaster', 'Forecaster', forecasterChoices)}
      {select('horizon', 'Forecast scored', HORIZONS)}
      {select('reference', 'Skill against', referenceChoices)}
      <label>
        Resolved from
        <input type="date" name="resolved_from" value={values.resolved_from ?? ''} />
      </label>
      <label>
        to
        <input type="date" name="resolved_to" value={values.resolved_to ?? ''} />
      </label>
      <InstantInput label="As of" name="as_of" value={values.as_of} />
      <button type="submit" class="secondary">
        Apply
      </button>
      <a href="/review">Clear</a>
    </form>
  );
}
