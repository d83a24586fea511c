import { groupBy } from './group-by.js';
import type { Outcome01 } from './scoring.js';

/**
 * A post-mortem's question: which evidence moved the model toward the truth, and which away
 * from it. Pure: the service feeds it the hypothesis's ledger lines.
 */

/** One ledger line of a hypothesis: a cause moved its model from `before` to `after`. */
export interface LedgerMove {
  causeType: 'evidence' | 'observation' | 'retraction' | 'resolution';
  /**
   * The evidence item (for a retraction, the item retracted), the observation, or a sibling's
   * resolution (which closes it in an exclusive set).
   */
  causeId: string;
  before: number;
  after: number;
  validAt: number;
}

export interface CauseEffect {
  causeId: string;
  kind: 'evidence' | 'observation' | 'resolution';
  /**
   * Σ (after − before) · (2o − 1) over the cause's lines before resolution, a retraction's
   * reversal included: positive moved the model toward what happened, negative away from it.
   */
  toward: number;
  /** Whether a retraction took it back before resolution. */
  retracted: boolean;
  firstValidAt: number;
}

function causeKind(lines: readonly LedgerMove[]): CauseEffect['kind'] {
  const type = lines[0]?.causeType;
  return type === 'observation' || type === 'resolution' ? type : 'evidence';
}

/**
 * Each cause's net move toward the truth, largest first. The moves add up: their sum is the
 * model's last probability before resolution less its prior, signed by the outcome.
 *
 * @example one item moving a true hypothesis 0.2 → 0.5 is toward +0.3
 */
export function rankByTruth(
  moves: readonly LedgerMove[],
  outcome: Outcome01,
  resolvedAt: number,
): CauseEffect[] {
  const sign = outcome === 1 ? 1 : -1;
  const before = moves.filter((m) => m.validAt < resolvedAt);
  return [...groupBy(before, (m) => m.causeId)]
    .map(([causeId, lines]) => ({
      causeId,
      kind: causeKind(lines),
      toward: lines.reduce((s, l) => s + (l.after - l.before) * sign, 0),
      retracted: lines.some((l) => l.causeType === 'retraction'),
      firstValidAt: Math.min(...lines.map((l) => l.validAt)),
    }))
    .sort((a, b) => b.toward - a.toward || a.firstValidAt - b.firstValidAt);
}
