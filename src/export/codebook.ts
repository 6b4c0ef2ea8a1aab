/**
 * codebook.md: every output file and column — meaning, unit, how computed. Generated from the column lists actually
 * written, so it can never describe a column that is not there (or miss one).
 */
import type { Staging } from './atomic.js';
import { ARTICLE_COLUMNS, ERROR_COLUMNS, HIT_COLUMNS, QUOTE_COLUMNS } from './columns.js';
import { CODES } from '../errors.js';
import { ENTITY_COLUMN_DESCRIPTIONS, ENTITY_FILE_DESCRIPTION, SPEAKER_ID_DESCRIPTION } from '../entities/codebook.js';

/** Codes that stop a run before anything is written (exit 2; lexicon codes too: see lexicon check): never in errors.csv. */
const SETTINGS_CODES = new Set(['E_OPTION', 'E_LEXICON', 'E_INPUT_MISSING']);

const COMMON: Record<string, string> = {
  article_id: 'Article identifier: the input `id`, else the path relative to the input root (.txt) or `path#line` (.jsonl/.csv).',
  outlet: 'Outlet (publisher) from the metadata (the column named `outlet`, `publisher`, `media_name`, `source`, `publication`, … or `--columns outlet=…`; manifest.json says which); `unknown` when none was given (`W_NO_OUTLET` in errors.csv when a file has no such column).',
  event: 'Event the article is grouped under (see `events.csv` and `--events`).',
  frame: 'Frame name from the lexicon (`lexicon:frame` when several lexicons are loaded).',
  speaker: 'Canonical speaker name: within an article a mention is resolved to the speaker\'s fullest name (e.g. "Tom Homan" for "Homan", "he", "border czar Tom Homan"; "Dana Bash" for "CNN’s Dana Bash"; "Hillary Clinton\'s campaign" for "Clinton’s campaign", "his campaign" or "the Clinton campaign"; "Verizon" for "the company" after the article names Verizon; "Gallup poll" for "a new Gallup poll"), and across the corpus the names of one speaker are merged into one (the `speaker` of entities.csv for this speaker_id, e.g. "Donald Trump" for "Donald J. Trump" and "Trump"); an unnamed speaker (`anonymous`) is its description in lower case but for names and acronyms ("aides", "several Indiana GOP insiders"); or `UNKNOWN`.',
  speaker_id: SPEAKER_ID_DESCRIPTION,
  speaker_role: 'Role or affiliation given in the text ("border czar", "spokesman for America\'s Voice", "CNN" for "CNN’s Dana Bash"); empty if none.',
  speaker_type: '`person`, `organization`, `outlet` (a news organisation), `anonymous` ("a source", "officials") or `unknown`.',
  tokens: 'Word tokens (wink-nlp tokenisation; punctuation, symbols and whitespace excluded).',
  start: 'Start offset (JS string index, UTF-16 code units) into the article text as read; `text.slice(start, end)` is the span.',
  end: 'End offset (exclusive), same units as `start`.',
};

const DESCRIPTIONS: Record<string, Record<string, string>> = {
  'articles.csv': {
    date: 'Publication date as `YYYY-MM-DD`, normalised from the input (ISO dates and date-times, RFC 2822, "July 2, 2010", "2 July 2010", numeric dates with `--date-order`; a date-time keeps the calendar date in its own zone); empty when none was given or it could not be read (`W_DATE`, `W_DATE_AMBIGUOUS` in errors.csv). An inline `date YYYY-MM-DD` marker at the top of the text is used when no date was given.',
    title: 'Title from the metadata.',
    source: 'Where the article was read: `input:line` (line 1 for a .txt body without header; the body\'s first line otherwise).',
    sentences: 'Sentences (wink-nlp sentence boundaries).',
    quotes: 'Rows of this article in quotes.csv.',
    quoted_tokens: 'Word tokens inside this article\'s quotations, counted once where quotations nest, leaving out the attribution between the pieces of a joined quotation (quotes.csv `gaps`).',
    frame_hits: 'Rows of this article in frame_hits.csv.',
    frame_hits_author: 'Frame hits in the outlet\'s own voice (outside any quotation).',
    frame_hits_quote: 'Frame hits inside quotation marks attributed to a source (voice `quote`).',
    frame_hits_paraphrase: 'Frame hits inside indirect speech attributed to a source (voice `paraphrase`).',
    frame_hits_quoted: 'frame_hits_quote + frame_hits_paraphrase: hits in attributed speech (the two-voice layout).',
    url: 'URL from the metadata.',
    chars: 'Length of the article text in UTF-16 code units.',
  },
  'quotes.csv': {
    quote_id: 'Quote number within the article (`q1`, `q2`, … in text order).',
    tokens: 'Word tokens of the quotation: inside [start, end), less those in `gaps` (wink-nlp tokenisation; punctuation, symbols and whitespace excluded).',
    kind: '`direct` (in quotation marks, a whole utterance), `partial` (a quoted fragment inside the writer\'s sentence, incl. scare quotes), `indirect` (reported speech without marks: "X said that …", "according to X"), `block` (a paragraph introduced by a colon cue).',
    speaker_mention: 'The mention of the speaker as written ("he", "Homan", "border czar Tom Homan"); empty if none.',
    speaker_start: 'Start offset of `speaker_mention` (empty if none).',
    speaker_end: 'End offset of `speaker_mention` (empty if none).',
    cue: 'The reporting cue ("said", "told", "according to", ":"); empty if none.',
    text: 'The quotation\'s text: `text.slice(start, end)` of the article (for direct quotes, inside the marks).',
    cue_start: 'Start offset of the cue (empty if none).',
    cue_end: 'End offset of the cue (empty if none).',
    gaps: 'Stretches of [start, end) that are not the speaker\'s words: the attribution between the pieces of a quotation joined across it ("“A,” she said, “B.”", "…, he added, “…”"), as `start..end` offset pairs separated by `;` (not `start-end`, which a spreadsheet may read as a date); empty for most quotes. `tokens`, `quoted_tokens` and the voice of frame hits leave them out: a frame term there is the outlet\'s.',
  },
  'frame_hits.csv': {
    term: 'The lexicon entry that matched (e.g. `illegal alien*`).',
    match: 'The words matched, as written in the article.',
    voice: '`author`: the outlet\'s own words (outside any quotation, or inside an unattributed scare quote, or in the attribution between the pieces of a joined quotation); `quote`: inside quotation marks attributed to a source (a direct, partial or block quotation, outside its `gaps`); `paraphrase`: inside indirect speech attributed to a source (quotes.csv kind `indirect`: the writer\'s wording of what the source said, outside quotation marks).',
    speaker: 'For `quote` and `paraphrase` voice: the quotation\'s canonical speaker; empty for `author` voice.',
    quote_id: 'For `quote` and `paraphrase` voice: the quotation (`quote_id` in quotes.csv); for `author` voice, the scare quote holding the hit (an unattributed partial quotation in quotes.csv), else empty.',
    negated: '`true` when the hit lies in the scope of a negation (see docs/lexicons.md for the rule).',
    sentence: '0-based sentence index in the article.',
    left_context: 'Keyword-in-context text before the hit (window documented in docs/lexicons.md), whitespace collapsed.',
    right_context: 'Keyword-in-context text after the hit.',
  },
  'errors.csv': {
    input: 'The input file as shown on the command line (joined with the path below a directory argument).',
    line: '1-based line in the input (0: the file as a whole).',
    article_id: 'The article\'s id when known.',
    code: 'Problem code (E_… rejected and skipped; W_… a note, the article was analysed). Codes are listed below.',
    message: 'What was wrong and what to do.',
  },
};

const FILES: Record<string, string> = {
  'articles.csv': 'One row per analysed article.',
  'quotes.csv': 'One row per quotation.',
  'frame_hits.csv': 'One row per lexicon match: a keyword-in-context (KWIC) table.',
  'frames_by_outlet.csv': 'One row per event × outlet × frame, including frames with no hits.',
  'frame_comparison.csv': 'One row per event × frame: each outlet\'s rate side by side, and tests of whether the rate differs across the event\'s outlets.',
  'speakers_by_outlet.csv': 'One row per event × outlet × speaker.',
  'distinctive_terms.csv': 'One row per event × outlet × term: terms that set an outlet apart from the event\'s other outlets.',
  'shared_quotes.csv': 'One row per quotation carried by more than one outlet in an event.',
  'events.csv': 'One row per event.',
  'entities.csv': `${ENTITY_FILE_DESCRIPTION} Rows sorted by quotes (descending), then speaker, then speaker_id. Made after all articles are read (and after a shard merge, from every shard's quotations); \`--aliases FILE\` forces merges or names before the automatic merging (docs/speakers.md).`,
  'errors.csv': 'One row per rejected input (E_ codes, skipped) or note about an analysed article (W_ codes).',
  'outlet_contrasts.csv': 'One row per frame × voice (`all`, `author`, `quote`, `paraphrase`) × pair of outlets (outlet_a before outlet_b in code-point order): the two outlets\' mean per-event rates over the events both covered, their difference, a 95% bootstrap interval over events, a paired permutation p-value over events and a Benjamini–Hochberg q-value across the table. Rows sorted by frame (lexicon order), voice, outlet_a, outlet_b.',
  'article_frames.csv': 'One row per analysed article (the order of articles.csv): the article\'s fields and, for every frame of the lexicon, its hit counts by voice, zeros written. Ready for regression (e.g. a count model of `<frame>` with offset log(tokens)).',
  'outlet_rates.csv': 'One row per outlet × frame × voice over all the outlet\'s articles (every event): the pooled rate with a 95% bootstrap interval over articles. Rows sorted by outlet, frame (lexicon order), voice (`all`, `author`, `quote`, `paraphrase`).',
  'lexicon_fit.csv': 'One row per frame of the lexicon (lexicon order): how often and how broadly the lexicon matches this corpus. Warnings (one term making over half the hits of a frame of 20 hits or more; the lexicon matching less than 1 hit per 10,000 tokens in most events) are printed on stderr.',
};

/**
 * Columns whose meaning depends on the table (the same name means something else elsewhere): looked up before AGG.
 */
export const AGG_BY_FILE: Record<string, Record<string, string>> = {
  'entities.csv': ENTITY_COLUMN_DESCRIPTIONS,
  'outlet_contrasts.csv': {
    voice: '`all` (every hit), `author` (the outlet\'s own words), `quote` (inside quotation marks attributed to a source) or `paraphrase` (indirect speech attributed to a source).',
    outlet_a: 'First outlet of the pair (code-point order).',
    outlet_b: 'Second outlet of the pair.',
    events: 'Events both outlets covered (both have articles with tokens in the event); the means and the tests are over these events.',
    mean_a_per_10k: 'Mean over those events of outlet_a\'s rate in the event: its hits of the frame in this voice / its word tokens × 10,000, over its articles in the event. Each event weighs the same.',
    mean_b_per_10k: 'The same for outlet_b.',
    diff_per_10k: 'mean_a_per_10k − mean_b_per_10k (= the mean of the per-event differences).',
    ci_low: '95% percentile bootstrap interval of diff_per_10k, lower end: events resampled with replacement 1,999 times (seeded from the two outlets, one set of resamples for all the pair\'s frames and voices, so the file is the same run to run). Empty with fewer than 3 shared events.',
    ci_high: 'Upper end of the same interval.',
    p_value: 'Two-sided paired sign-flip permutation test of the per-event differences (null: within each event the two outlets\' rates are exchangeable): exact over all 2^n sign patterns for n ≤ 16 events, else 9,999 seeded random patterns, p = (1 + count) / 10,000. Empty with fewer than 3 shared events. Events, not articles or tokens, are the units: the test does not assume tokens are independent.',
    q_value: 'Benjamini–Hochberg adjusted p-value (false discovery rate) across every row of this table that has a p_value.',
    p_method: '`exact` or `monte-carlo`: how p_value was computed.',
  },
  'article_frames.csv': {
    date: 'Publication date (YYYY-MM-DD) as in articles.csv.',
    title: 'Title from the metadata.',
    quotes: 'Quotations found in the article (rows of quotes.csv).',
  },
  'outlet_rates.csv': {
    voice: '`all`, `author`, `quote` or `paraphrase` (as in outlet_contrasts.csv).',
    articles: 'Articles of the outlet (every event).',
    tokens: 'Word tokens of those articles.',
    hits: 'Hits of the frame in this voice in those articles.',
    per_10k_tokens: 'hits / tokens × 10,000 (pooled over the outlet\'s articles).',
    ci_low: '95% percentile bootstrap interval of per_10k_tokens, lower end: the outlet\'s articles resampled with replacement 1,999 times (seeded from the outlet, one set of resamples for all its rows), the pooled rate recomputed each time. Articles, not tokens, are the units.',
    ci_high: 'Upper end of the same interval.',
  },
  'lexicon_fit.csv': {
    hits: 'Hits of the frame in the whole corpus (all voices).',
    per_10k_tokens: 'hits / all word tokens of the corpus × 10,000.',
    top_term: 'The lexicon entry (as written in the lexicon, e.g. `illegal alien*`) with the most hits of the frame; ties: code-point order. Empty with no hits.',
    top_term_share: 'Its hits / the frame\'s hits. Above 0.5 (for a frame of 20 hits or more) the frame mostly measures one word (a warning on stderr).',
    events_with_hits: 'Events with at least one hit of the frame.',
    articles_with_hits: 'Articles with at least one hit of the frame.',
    events_below_min_rate: 'Events (with tokens) where the frame matches less than 1 hit per 10,000 tokens.',
  },
  'distinctive_terms.csv': {
    significant: '`true` when |z| ≥ 1.96 (two-sided 5% for this one term, no adjustment for the many terms listed: read it as a screening flag). Only over-represented terms (z > 0) are listed; an event with no `true` row has nothing that stands out (the report says so).',
  },
  'frame_comparison.csv': {
    p_exact: 'Where min_expected < 5 (the chi-square approximation is unreliable): the Fisher–Freeman–Halton exact test of the same outlets × (hits, other tokens) table, conditional on both margins (exact enumeration up to 200,000 tables, else 9,999 seeded Monte Carlo tables). It assumes every token of the event is equally likely to be a hit under the null, so like the chi-square it is descriptive screening: tokens of one article are not independent. Empty where min_expected ≥ 5.',
    p_exact_method: '`exact` or `monte-carlo`: how p_exact was computed; empty with it.',
  },
};

const AGGREGATE_NOTE =
  'Computed from the per-article tables after all articles are read (and after a shard merge); methods, formulas and corrections are in docs/statistics.md.';

export function writeCodebook(
  staging: Staging,
  settings: { excel: boolean; version: string },
  aggregateColumns: Record<string, string[]>,
  eventColumns: string[],
): void {
  const lines: string[] = [];
  lines.push(`# framelens codebook (version ${settings.version})`, '');
  lines.push(
    'All CSV files: UTF-8' + (settings.excel ? ' with a byte-order mark and CRLF line ends (`--excel`)' : ', LF line ends') +
      ', RFC 4180 quoting, one header row. Empty cell = no value.',
    '',
    '**Spreadsheet safety.** A text cell that a spreadsheet would read as a formula (it starts with `=`, `+`, `-`, `@`, a tab or a carriage return, a fullwidth `＝` `＋` `－` `＠`, or an invisible character such as a zero-width space) is written with a leading apostrophe `\'` (OWASP CSV-injection guidance). Numeric columns are never altered. Strip one leading `\'` from such cells to recover the original text.',
    '',
    '**Offsets.** `start`/`end` columns index the article text as read (after a `.txt` header block; UTF-16 code units, JavaScript string indices): `text.slice(start, end)` is the span. Boilerplate masking and quote-mark normalisation never move offsets.',
    '',
    '**Row order.** Per-article tables follow the input order: input files sorted by absolute path (whatever the order on the command line), then line; within an article, text order. Aggregate tables are sorted by their key columns (see docs/statistics.md). The same input gives the same bytes whatever `--workers`, and a `merge` of shard runs gives the same bytes as one run. Only manifest.json carries times.',
    '',
  );
  const section = (file: string, columns: string[], own: Record<string, string>, note?: string) => {
    lines.push(`## ${file}`, '', FILES[file] ?? '', '');
    if (note) lines.push(note, '');
    lines.push('| column | meaning |', '|---|---|');
    for (const c of columns) lines.push(`| \`${c}\` | ${(own[c] ?? COMMON[c] ?? AGG[c] ?? 'See docs/statistics.md.').replace(/\|/g, '\\|')} |`);
    lines.push('');
  };
  section('articles.csv', ARTICLE_COLUMNS, DESCRIPTIONS['articles.csv']);
  section('quotes.csv', QUOTE_COLUMNS, DESCRIPTIONS['quotes.csv']);
  section('frame_hits.csv', HIT_COLUMNS, DESCRIPTIONS['frame_hits.csv']);
  for (const [name, cols] of Object.entries(aggregateColumns)) section(`${name}.csv`, cols, AGG_BY_FILE[`${name}.csv`] ?? {}, AGGREGATE_NOTE);
  section('events.csv', eventColumns, {}, AGGREGATE_NOTE);
  section('errors.csv', ERROR_COLUMNS, DESCRIPTIONS['errors.csv']);
  lines.push('Codes in `errors.csv`:', '', '| code | meaning |', '|---|---|');
  for (const [code, meaning] of Object.entries(CODES)) if (/^[EW]_/.test(code) && !/_LEX_/.test(code) && !SETTINGS_CODES.has(code)) lines.push(`| \`${code}\` | ${meaning} |`);
  lines.push('');
  lines.push('## Other files', '');
  lines.push('- `articles.jsonl`: one JSON object per article, in row order: its metadata, counts and resume key (its quotes, frame hits, terms and notes are in `framelens.duckdb`, schema `records`, by `seq`).');
  lines.push('- `framelens.duckdb`: a DuckDB database with every table above (same names, e.g. `frames_by_outlet`; the per-article tables `articles`, `quotes`, `frame_hits` hold the text as analysed, not neutralised), `article_events` (each article\'s event, by `seq`), `speakers` (one row per canonical speaker name: quotes, quoted tokens, articles, outlets) and, in schema `records`, the per-article records that `--resume` and `merge` reuse. Open it from R (duckdb package), Python (`duckdb`) or the DuckDB CLI.');
  lines.push('- `manifest.json`: version, command line, settings, lexicon and input sha256, counts, rejected inputs, start/end time, per-stage timings (ms, summed over workers).');
  lines.push('- `report.html`: a self-contained page (opens offline) with the comparison charts per event.');
  lines.push('');
  staging.write('codebook.md', lines.join('\n'));
}

/** Aggregate-table columns whose meaning is fixed by SPEC. */
const AGG: Record<string, string> = {
  articles: 'Articles of this outlet in this event.',
  articles_with_frame: 'Of those, articles with at least one hit of the frame.',
  hits: 'Frame hits (all voices: author + quote + paraphrase).',
  hits_author: 'Frame hits in the outlet\'s own voice.',
  hits_quote: 'Frame hits inside quotation marks attributed to a source.',
  hits_paraphrase: 'Frame hits inside indirect speech attributed to a source.',
  hits_quoted: 'hits_quote + hits_paraphrase: hits in attributed speech (the two-voice layout).',
  hits_negated: 'Of the hits, those under a negation.',
  per_10k_tokens: 'hits / tokens × 10,000.',
  per_10k_author: 'hits_author / tokens × 10,000.',
  per_10k_quote: 'hits_quote / tokens × 10,000.',
  per_10k_paraphrase: 'hits_paraphrase / tokens × 10,000.',
  per_10k_quoted: 'hits_quoted / tokens × 10,000.',
  chi2: 'Pearson chi-square statistic of the outlets × (hits, other tokens) table for this frame.',
  p_value: 'p-value of the chi-square test (df = outlets − 1).',
  g2: 'Likelihood-ratio statistic G² of the same table.',
  quotes: 'Quotations attributed to the speaker in this outlet\'s articles on the event.',
  quoted_tokens: 'Word tokens in those quotations.',
  share_of_quoted_tokens: 'quoted_tokens / all quoted tokens of this outlet in this event.',
  frames_in_quotes: 'Frames hit inside this speaker\'s quotations, as `frame:count` joined with `; `.',
  term: 'Term (lowercased word).',
  count: 'Occurrences in this outlet\'s articles on the event.',
  count_elsewhere: 'Occurrences in the event\'s other outlets\' articles.',
  log_odds: 'Log-odds ratio (natural log) with an informative Dirichlet prior (Monroe, Colaresi & Quinn 2008), this outlet vs the event\'s other outlets.',
  z: 'z-score of `log_odds` (log_odds / sqrt of its variance).',
  text: 'One version of the quotation (a quotation joined across its attribution: its pieces, joined by ` … `).',
  speaker: 'Canonical speaker of the quotation, or `UNKNOWN`.',
  outlets: 'Outlets carrying the quotation, joined with `; `.',
  variants: 'Distinct wordings, joined with ` | `.',
  label: 'Label made from the event\'s most characteristic terms.',
  first_date: 'Earliest article date in the event.',
  last_date: 'Latest article date in the event.',
};
