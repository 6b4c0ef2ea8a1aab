/**
 * The statistics tables from their input rows (see each builder for the rows it needs): what the reduce calls once it
 * has the rows, for the tables of issue 24. Pure; `loadStoplist` (distinctive.ts) is the one file read, by the caller.
 */
import type { Table } from '../tables.js';
import { OUTLET_RATE_COLUMNS, outletRates } from './article-frames.js';
import { CONTRAST_COLUMNS, outletContrasts } from './contrasts.js';
import { DISTINCTIVE_COLUMNS, type DistinctiveTable, type EventSignificance } from './distinctive.js';
import type { StatisticsInputs } from './inputs.js';
import { LEXICON_FIT_COLUMNS, lexiconFit } from './lexicon-fit.js';

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

/** The tables from their input rows; distinctive_terms is computed an event at a time by the caller (distinctive.ts). */
export function statisticsTables(frames: readonly string[], inp: StatisticsInputs, dt: DistinctiveTable): StatisticsTables {
  const fit = lexiconFit(frames, inp.eventTokens, inp.eventFrameHits, inp.frameTermHits);
  return {
    outlet_contrasts: { columns: CONTRAST_COLUMNS, rows: outletContrasts(frames, inp.eventOutletTokens, inp.eventOutletFrameHits) },
    outlet_rates: { columns: OUTLET_RATE_COLUMNS, rows: outletRates(frames, inp.articles, inp.articleHits) },
    lexicon_fit: { columns: LEXICON_FIT_COLUMNS, rows: fit.rows },
    distinctive_terms: { columns: DISTINCTIVE_COLUMNS, rows: dt.rows },
    distinctiveEvents: dt.events,
    warnings: fit.warnings,
  };
}
