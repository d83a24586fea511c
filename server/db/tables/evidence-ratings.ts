import type { Fixed } from './columns.js';

export interface EvidenceRatingsTable {
  evidence_id: Fixed<string>;
  hypothesis_id: Fixed<string>;
  question_id: Fixed<string>;
  rating: Fixed<'CC' | 'C' | 'N' | 'I' | 'II' | 'NA'>;
  likelihood_ratio: Fixed<number | null>;
}
