import type { Expectation, IndicatorStatus } from './indicators.js';
import { clampProbability } from './probability.js';
import type { QuestionKind } from './questions.js';
import {
  expectationAsRating,
  type Rating,
  RELATIVE_LIKELIHOOD,
  type ScoredRating,
  statusWeight,
} from './ratings.js';

/**
 * METHODS §3: the model's probabilities, moved by evidence and indicator observations in
 * valid-time order. Pure: the services feed it rows and store what it returns.
 */

export interface RatingInput {
  rating: Rating;
  /** An explicit likelihood ratio that replaces L(rating). */
  likelihoodRatio?: number | null | undefined;
}

export interface ObservationInput {
  indicatorId: string;
  status: IndicatorStatus;
  /** The indicator's expectation under each hypothesis (the Indicators Validator row). */
  expectations: Readonly<Record<string, Expectation>>;
}

/** Something that moves the model: a logged evidence item, or an indicator status set alone. */
export interface UpdateEvent {
  type: 'evidence' | 'observation';
  id: string;
  /** Valid time: the day it happened. */
  validOn: string;
  recordedAt: Date;
  /** The grade's tempering weight w (METHODS §3); 1 for an analyst's own status change. */
  weight: number;
  ratings: Readonly<Record<string, RatingInput>>;
  observations: readonly ObservationInput[];
}

/** A retraction: from its own recorded time on, the item no longer counts. */
export interface RetractionEvent {
  type: 'retraction';
  id: string;
  evidenceId: string;
  validOn: string;
  recordedAt: Date;
}

/**
 * A hypothesis of an exclusive question resolved: from the time its outcome became known it
 * leaves the open hypotheses, taking its outcome, and the open ones share what remains.
 */
export interface ResolutionEvent {
  type: 'resolution';
  id: string;
  hypothesisId: string;
  outcome: 'true' | 'false' | 'annulled';
  /** Valid time: the day the outcome became known, and the instant (`resolvedAt`). */
  validOn: string;
  resolvedAt: Date;
  recordedAt: Date;
}

export type ModelEvent = UpdateEvent | RetractionEvent | ResolutionEvent;

export interface ModelState {
  probabilities: Record<string, number>;
  /** How much of each indicator's evidence the model already holds (see statusWeight). */
  applied: Record<string, number>;
  /** Resolved hypotheses of an exclusive question: 1 for true, 0 for false or annulled. */
  closed: Record<string, 0 | 1>;
}

/** One reason an event moves a hypothesis: the item's own rating, or an indicator it reports. */
export interface UpdatePart {
  kind: 'rating' | 'indicator';
  rating: ScoredRating;
  likelihood: number;
  weight: number;
  indicator_id?: string;
  status?: IndicatorStatus;
  expectation?: Expectation;
}

/** The ledger line: what one event did to one hypothesis, and why (METHODS §3). */
export interface LedgerLine {
  hypothesisId: string;
  before: number;
  after: number;
  /** The item's own rating of this hypothesis; null when unrated or for a retraction. */
  rating: Rating | null;
  /** The grade weight w; null for a retraction, which undoes rather than weighs. */
  weight: number | null;
  /** The product of every part's L^w; null for a retraction. */
  factor: number | null;
  parts: UpdatePart[];
}

export interface ModelStep {
  event: ModelEvent;
  lines: LedgerLine[];
}

export function initialState(priors: Readonly<Record<string, number>>): ModelState {
  return { probabilities: { ...priors }, applied: {}, closed: {} };
}

const logit = (p: number) => Math.log(p / (1 - p));
const logistic = (x: number) => 1 / (1 + Math.exp(-x));

/** What the open hypotheses of an exclusive set share: 1 less what the resolved ones took. */
function openMass(closed: Readonly<Record<string, 0 | 1>>): number {
  return 1 - Object.values(closed).reduce<number>((sum, value) => sum + value, 0);
}

/**
 * Applies one combined likelihood factor per hypothesis: in log-odds for an independent question,
 * by Bayes over the open hypotheses for an exclusive one (a hypothesis without a factor gets 1;
 * resolved ones keep their probability); then clamps.
 *
 * @example moveProbabilities('independent', { h: 0.2 }, { h: 4 }) // { h: 0.5 } (vector B1)
 */
export function moveProbabilities(
  kind: QuestionKind,
  probabilities: Readonly<Record<string, number>>,
  factors: Readonly<Record<string, number>>,
  closed: Readonly<Record<string, 0 | 1>> = {},
): Record<string, number> {
  const ids = Object.keys(probabilities);
  const moved: Record<string, number> = {};
  if (kind === 'independent') {
    for (const id of ids) {
      const p = probabilities[id] as number;
      const f = factors[id] ?? 1;
      moved[id] = f === 1 ? p : clampProbability(logistic(logit(p) + Math.log(f)));
    }
    return moved;
  }
  const open = ids.filter((id) => !(id in closed));
  const weighted = open.map((id) => (probabilities[id] as number) * (factors[id] ?? 1));
  const total = weighted.reduce((a, b) => a + b, 0);
  const mass = openMass(closed);
  for (const id of ids) moved[id] = probabilities[id] as number;
  if (total > 0) {
    for (const [i, id] of open.entries())
      moved[id] = clampProbability(((weighted[i] as number) / total) * mass);
  }
  return moved;
}

/**
 * A resolution in an exclusive set: the hypothesis takes its outcome (1 or 0, clamped) and the
 * open hypotheses are renormalised over what remains, keeping their proportions (METHODS §3:
 * "renormalised over the question's open hypotheses").
 */
export function applyResolution(
  state: ModelState,
  event: ResolutionEvent,
): { state: ModelState; lines: LedgerLine[] } {
  if (!(event.hypothesisId in state.probabilities)) return { state, lines: [] };
  const closed = {
    ...state.closed,
    [event.hypothesisId]: event.outcome === 'true' ? 1 : 0,
  } as Record<string, 0 | 1>;
  const probabilities = { ...state.probabilities };
  probabilities[event.hypothesisId] = clampProbability(closed[event.hypothesisId] as number);
  const open = Object.keys(probabilities).filter((id) => !(id in closed));
  const total = open.reduce((sum, id) => sum + (state.probabilities[id] as number), 0);
  const mass = openMass(closed);
  for (const id of open) {
    const share = total > 0 ? (state.probabilities[id] as number) / total : 1 / open.length;
    probabilities[id] = clampProbability(share * mass);
  }
  const next = { ...state, probabilities, closed };
  return { state: next, lines: unexplainedLines(state, next) };
}

function ratingPart(input: RatingInput, weight: number): UpdatePart | undefined {
  if (input.rating === 'NA') return undefined;
  const likelihood = input.likelihoodRatio ?? RELATIVE_LIKELIHOOD[input.rating];
  return { kind: 'rating', rating: input.rating, likelihood, weight };
}

function indicatorParts(
  observation: ObservationInput,
  change: number,
  weight: number,
): Record<string, UpdatePart> {
  const parts: Record<string, UpdatePart> = {};
  for (const [hypothesisId, expectation] of Object.entries(observation.expectations)) {
    const rating = expectationAsRating(expectation, change < 0);
    parts[hypothesisId] = {
      kind: 'indicator',
      rating,
      likelihood: RELATIVE_LIKELIHOOD[rating],
      weight: weight * Math.abs(change),
      indicator_id: observation.indicatorId,
      status: observation.status,
      expectation,
    };
  }
  return parts;
}

/**
 * One evidence item or status change applied to the current state. An indicator counts once at
 * its strongest report: a status adds only the difference between what it carries and what the
 * indicator already contributed, so a second OBSERVED adds nothing and EMERGING then OBSERVED
 * adds half and half (never one and a half).
 */
export function applyUpdate(
  kind: QuestionKind,
  state: ModelState,
  event: UpdateEvent,
): { state: ModelState; lines: LedgerLine[] } {
  const hypothesisIds = Object.keys(state.probabilities);
  const parts = new Map<string, UpdatePart[]>(hypothesisIds.map((id) => [id, []]));
  for (const [hypothesisId, input] of Object.entries(event.ratings)) {
    const part = ratingPart(input, event.weight);
    if (part) parts.get(hypothesisId)?.push(part);
  }
  const applied = { ...state.applied };
  for (const observation of event.observations) {
    const held = applied[observation.indicatorId] ?? 0;
    const carried = statusWeight(observation.status) ?? held;
    const change = carried - held;
    applied[observation.indicatorId] = carried;
    if (change === 0) continue;
    for (const [hypothesisId, part] of Object.entries(
      indicatorParts(observation, change, event.weight),
    )) {
      parts.get(hypothesisId)?.push(part);
    }
  }
  const factors: Record<string, number> = {};
  for (const [id, list] of parts) {
    factors[id] = list.reduce((f, part) => f * part.likelihood ** part.weight, 1);
  }
  const probabilities = moveProbabilities(kind, state.probabilities, factors, state.closed);
  const lines = hypothesisIds.map((id) => ({
    hypothesisId: id,
    before: state.probabilities[id] as number,
    after: probabilities[id] as number,
    rating: event.ratings[id]?.rating ?? null,
    weight: event.weight,
    factor: factors[id] as number,
    parts: parts.get(id) as UpdatePart[],
  }));
  return { state: { probabilities, applied, closed: state.closed }, lines };
}

const TYPE_ORDER: Record<ModelEvent['type'], number> = {
  evidence: 0,
  observation: 1,
  retraction: 2,
  resolution: 3,
};

/** Where an event stands in valid time (METHODS §3): the day, then the recorded time. */
export interface ValidPosition {
  validOn: string;
  recordedAt: Date;
}

function comparePositions(a: ValidPosition, b: ValidPosition): number {
  if (a.validOn !== b.validOn) return a.validOn < b.validOn ? -1 : 1;
  return a.recordedAt.getTime() - b.recordedAt.getTime();
}

/** Whether an event comes after a position in valid time, so it can be applied on top of it. */
export function comesAfter(event: ModelEvent, position: ValidPosition): boolean {
  return comparePositions(event, position) > 0;
}

/** Valid-time order, ties broken stably. */
export function compareEvents(a: ModelEvent, b: ModelEvent): number {
  const t = comparePositions(a, b);
  if (t !== 0) return t;
  if (a.type !== b.type) return TYPE_ORDER[a.type] - TYPE_ORDER[b.type];
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** What a replay keeps applying: items and status changes, and resolutions. */
type CountedEvent = UpdateEvent | ResolutionEvent;

/** An independent hypothesis's resolution moves no other: only an exclusive set closes. */
function applyCounted(kind: QuestionKind, state: ModelState, event: CountedEvent) {
  if (event.type !== 'resolution') return applyUpdate(kind, state, event);
  return kind === 'exclusive' ? applyResolution(state, event) : { state, lines: [] };
}

/**
 * The whole model series of a question from its priors: every event in valid-time order, each
 * with its ledger lines. A retraction recomputes the state from the priors without the item, so
 * the item counts until the retraction and not after; an item retracted before it comes up in
 * valid time never counts.
 */
export function replayModel(
  kind: QuestionKind,
  priors: Readonly<Record<string, number>>,
  events: readonly ModelEvent[],
): { state: ModelState; steps: ModelStep[] } {
  const ordered = [...events].sort(compareEvents);
  const counted: CountedEvent[] = [];
  const retracted = new Set<string>();
  const steps: ModelStep[] = [];
  let state = initialState(priors);
  for (const event of ordered) {
    if (event.type === 'retraction') {
      retracted.add(event.evidenceId);
      const at = counted.findIndex((e) => e.type !== 'resolution' && e.id === event.evidenceId);
      if (at < 0) continue;
      counted.splice(at, 1);
      const refolded = counted.reduce(
        (s, e) => applyCounted(kind, s, e).state,
        initialState(priors),
      );
      steps.push({ event, lines: unexplainedLines(state, refolded) });
      state = refolded;
      continue;
    }
    if (event.type === 'evidence' && retracted.has(event.id)) continue;
    const step = applyCounted(kind, state, event);
    counted.push(event);
    if (step.lines.length > 0) steps.push({ event, lines: step.lines });
    state = step.state;
  }
  return { state, steps };
}

/** Lines for a step that is not a weighing of evidence (a retraction, a resolution). */
function unexplainedLines(before: ModelState, after: ModelState): LedgerLine[] {
  return Object.keys(before.probabilities).map((id) => ({
    hypothesisId: id,
    before: before.probabilities[id] as number,
    after: after.probabilities[id] as number,
    rating: null,
    weight: null,
    factor: null,
    parts: [],
  }));
}

/**
 * Where the model would stand without one item: its factors divided out of the current
 * probabilities (exact unless the series touched the clamp bounds), for the sensitivity view.
 */
export function withoutFactors(
  kind: QuestionKind,
  probabilities: Readonly<Record<string, number>>,
  factors: Readonly<Record<string, number>>,
  closed: Readonly<Record<string, 0 | 1>> = {},
): Record<string, number> {
  const inverse = Object.fromEntries(Object.entries(factors).map(([id, f]) => [id, 1 / f]));
  return moveProbabilities(kind, probabilities, inverse, closed);
}
