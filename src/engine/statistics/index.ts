/**
 * The statistics tables of a run, as the reduce hands them on (src/engine/statistics-run.ts `runStatistics` computes
 * them from their input rows: see each builder for the rows it needs).
 */
import type { Table } from '../tables.js';
import type { EventSignificance } from './distinctive.js';

export interface StatisticsTables {
  outlet_contrasts: Table;
  outlet_rates: Table;
  lexicon_fit: Table;
  distinctive_terms: Table;
  /** Each compared event's number of significant distinctive terms (0: the report says nothing stands out). */
  distinctiveEvents: EventSignificance[];
  /** lexicon_fit's warnings, for stderr. */
  warnings: string[];
}
