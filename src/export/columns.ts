/** Column lists of the per-article tables, in SPEC order (extra columns only after SPEC's). */
export const ARTICLE_COLUMNS = [
  'article_id', 'outlet', 'date', 'event', 'title', 'source', 'tokens', 'sentences', 'quotes', 'quoted_tokens',
  'frame_hits', 'frame_hits_author', 'frame_hits_quote', 'frame_hits_paraphrase', 'frame_hits_quoted', 'url', 'chars',
];
export const QUOTE_COLUMNS = [
  'article_id', 'outlet', 'event', 'quote_id', 'kind', 'speaker', 'speaker_id', 'speaker_mention', 'speaker_start', 'speaker_end',
  'speaker_role', 'speaker_type', 'cue', 'text', 'start', 'end', 'tokens', 'cue_start', 'cue_end', 'gaps',
];
export const HIT_COLUMNS = [
  'article_id', 'outlet', 'event', 'frame', 'term', 'match', 'voice', 'speaker', 'speaker_id', 'quote_id', 'negated', 'sentence',
  'start', 'end', 'left_context', 'right_context',
];
export const ERROR_COLUMNS = ['input', 'line', 'article_id', 'code', 'message'];
