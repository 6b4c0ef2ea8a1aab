/**
 * The input rows of the statistics builders, as the reduce computes them with SQL (src/engine/statistics-run.ts,
 * statisticsInputsFromDb): integer sums, in a fixed order. distinctive_terms' rows come an event at a time
 * (eventOutletTerms there), outlet_rates' an outlet at a time (outletSamplesFromDb).
 */
import type { EventOutletFrameHits, EventOutletTokens } from './contrasts.js';
import type { EventFrameHits, EventTokens, FrameTermHits } from './lexicon-fit.js';

export interface StatisticsInputs {
  eventOutletTokens: EventOutletTokens[];
  eventOutletFrameHits: EventOutletFrameHits[];
  eventTokens: EventTokens[];
  eventFrameHits: EventFrameHits[];
  frameTermHits: FrameTermHits[];
}
