/**
 * The records that flow through framelens (see DESIGN.md): an `Article` goes in, an `AnalyzedArticle` comes out.
 * Everything after analysis (tables, report, resume, merge) is computed from `AnalyzedArticle`s only.
 * All `start`/`end` are JS string offsets into the article's text as read: `text.slice(start, end)`.
 */

/** Where an article or a problem came from: the input path as displayed to the user, and a 1-based line. */
export interface SourceLocation {
  input: string;
  line: number;
}

export interface Article {
  /** article_id: the `id` field, else path relative to the input root (.txt) or `path#line` (.jsonl/.csv). */
  id: string;
  /** Global ordinal of the article in the canonical input order (sorted files, then line); fixes output order. */
  seq: number;
  outlet: string;
  date: string;
  event: string;
  title: string;
  url: string;
  text: string;
  source: SourceLocation;
  /** Any other header keys / columns, kept as metadata. */
  extra: Record<string, string>;
}

export type QuoteKind = 'direct' | 'partial' | 'indirect' | 'block';
export type SpeakerType = 'person' | 'organization' | 'outlet' | 'anonymous' | 'unknown';
/**
 * Whose words a frame hit is in: `author` the outlet's own (unattributed scare quotes included), `quote` inside
 * quotation marks attributed to a source, `paraphrase` indirect speech attributed to a source.
 */
export type Voice = 'author' | 'quote' | 'paraphrase';

export interface Quote {
  /** `q1`, `q2`, … in text order within the article. */
  id: string;
  kind: QuoteKind;
  /** The quoted content span (for direct quotes, inside the marks). */
  start: number;
  end: number;
  /** Word tokens inside [start, end), less those in `gaps`. */
  tokens: number;
  /** The reporting cue as written ("said", "told", "according to", ":"), '' if none. */
  cue: string;
  cueStart: number | null;
  cueEnd: number | null;
  /** Canonical speaker name ("Tom Homan"), or 'UNKNOWN'. */
  speaker: string;
  /** The mention as written ("he", "Homan", "border czar Tom Homan"), '' if none. */
  speakerMention: string;
  speakerStart: number | null;
  speakerEnd: number | null;
  /** Role / affiliation ("border czar", "spokesman for America's Voice"), '' if none. */
  speakerRole: string;
  speakerType: SpeakerType;
  /**
   * Stretches of [start, end) that are not the speaker's words: the attribution and marks between the pieces of a
   * quotation joined across "he said" (“A,” she said, “B.”), sorted, disjoint; [] for most quotes.
   */
  gaps: [number, number][];
}

/** A quote as stored in the analysis record: the span's text is sliced once, when the record is made. */
export interface QuoteRecord extends Quote {
  text: string;
}

export interface FrameHit {
  /** Frame name, qualified by lexicon when several lexicons are loaded (`lexicon:frame`). */
  frame: string;
  /** The lexicon entry that matched (e.g. `illegal alien*`). */
  term: string;
  start: number;
  end: number;
  voice: Voice;
  /** The enclosing quote's speaker for `quote` and `paraphrase` voice, '' for author voice. */
  speaker: string;
  /** The enclosing quote (for author voice: the scare quote holding the hit, if any), else ''. */
  quoteId: string;
  negated: boolean;
  /** 0-based sentence index in the article. */
  sentence: number;
}

export interface FrameHitRecord extends FrameHit {
  match: string;
  leftContext: string;
  rightContext: string;
}

/** A coded problem with an input or an article. Codes live in src/errors.ts. */
export interface Problem {
  input: string;
  line: number;
  articleId: string;
  code: string;
  message: string;
}

export interface AnalyzedArticle {
  id: string;
  seq: number;
  outlet: string;
  date: string;
  /** The event from metadata ('' if none); the event used in tables is assigned later (see src/aggregate/events). */
  event: string;
  title: string;
  url: string;
  /** `input:line`. */
  source: string;
  /** sha256 of the text and of the analysis settings: what `--resume` compares. */
  key: string;
  chars: number;
  tokens: number;
  sentences: number;
  quotes: QuoteRecord[];
  quotedTokens: number;
  hits: FrameHitRecord[];
  /** Content-word counts (lowercased), sorted by term: input to distinctive terms and event grouping. */
  terms: [string, number][];
  /** Non-fatal notes about this article (e.g. unbalanced quote marks), coded like problems. */
  notes: Problem[];
}
