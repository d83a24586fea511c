import type { Executor } from '../db/database.js';
import { invalid } from '../errors.js';
import { analystUsers, forecastingSources } from '../repositories/scores.js';

/**
 * Who can be scored (METHODS §6): the model, each analyst, each cited source, and each author
 * (all of one author's sources as one forecaster). Ids are what the scores filter takes.
 */
export interface Forecaster {
  id: string;
  kind: 'model' | 'analyst' | 'source' | 'author';
  label: string;
  author: string | null;
  published_on: string | null;
  /** An analyst's user id. */
  analystId?: string;
  /** The sources whose forecasts are this forecaster's. */
  sourceIds?: ReadonlySet<string>;
}

const MODEL_FORECASTER: Forecaster = {
  id: 'model',
  kind: 'model',
  label: 'Model (signpost-v1)',
  author: null,
  published_on: null,
};

/** An author's forecaster id: "Ely Karmon" → "author:ely-karmon". */
export function authorForecasterId(name: string): string {
  const key = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `author:${key}`;
}

/** Every forecaster Signpost knows, by id. */
export async function forecasterDirectory(ex: Executor): Promise<Map<string, Forecaster>> {
  const [users, sources] = await Promise.all([analystUsers(ex), forecastingSources(ex)]);
  const all: Forecaster[] = [MODEL_FORECASTER];
  for (const u of users) {
    all.push({
      id: `analyst:${u.id}`,
      kind: 'analyst',
      label: u.display_name,
      author: null,
      published_on: null,
      analystId: u.id,
    });
  }
  const authors = new Map<string, Forecaster & { sourceIds: Set<string> }>();
  for (const s of sources) {
    const year = s.published_on ? ` (${s.published_on.slice(0, 4)})` : '';
    all.push({
      id: `source:${s.id}`,
      kind: 'source',
      label: `${s.author ? `${s.author}: ` : ''}${s.title}${year}`,
      author: s.author,
      published_on: s.published_on,
      sourceIds: new Set([s.id]),
    });
    if (!s.author) continue;
    const id = authorForecasterId(s.author);
    const known = authors.get(id);
    if (known) known.sourceIds.add(s.id);
    else
      authors.set(id, {
        id,
        kind: 'author',
        label: `${s.author} (all cited work)`,
        author: s.author,
        published_on: null,
        sourceIds: new Set([s.id]),
      });
  }
  return new Map([...all, ...authors.values()].map((f) => [f.id, f]));
}

const DEFAULT_SELECTION = ['model', 'analysts', 'sources'];

/**
 * The forecasters a filter names, groups expanded (`analysts`, `sources`), in the directory's
 * order; unknown ids are a 400 naming `path`.
 */
export function selectForecasters(
  directory: ReadonlyMap<string, Forecaster>,
  requested: readonly string[] | undefined,
  path: string,
): Forecaster[] {
  const wanted = requested?.length ? requested : DEFAULT_SELECTION;
  const unknown = wanted.filter(
    (id) => id !== 'analysts' && id !== 'sources' && !directory.has(id),
  );
  if (unknown.length > 0) {
    throw invalid(unknown.map((id) => ({ path, message: `no forecaster ${id}` })));
  }
  const kinds = new Set(
    wanted.flatMap((id) => (id === 'analysts' ? ['analyst'] : id === 'sources' ? ['source'] : [])),
  );
  return [...directory.values()].filter((f) => wanted.includes(f.id) || kinds.has(f.kind));
}
