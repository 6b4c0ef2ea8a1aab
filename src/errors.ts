/**
 * Every coded problem framelens reports, in one place. Input problems are skipped and listed in errors.csv;
 * settings problems exit 2 before anything is written.
 */
export const CODES = {
  // input problems (errors.csv)
  E_READ: 'file could not be read',
  E_UNSUPPORTED: 'file type not recognised (expected .txt, .jsonl or .csv)',
  E_BINARY: 'file looks binary (NUL bytes or mostly control characters)',
  E_UTF8: 'invalid UTF-8',
  E_EMPTY: 'article text is empty',
  E_JSON: 'malformed JSON line',
  E_NO_TEXT: 'record has no text field',
  E_CSV: 'malformed CSV row',
  E_DUPLICATE_ID: 'duplicate article id',
  E_TOO_LONG: 'article longer than the size limit',
  E_ANALYSIS: 'analysis failed for this article',
  // notes about an analysed article (errors.csv, article kept)
  W_UNBALANCED_QUOTES: 'unbalanced quotation marks',
  // notes about an input file or row (errors.csv, articles kept)
  W_NO_OUTLET: 'no outlet column: every article of this file has outlet "unknown"',
  W_DATE: 'date not recognised: the article is kept with no date',
  W_DATE_AMBIGUOUS: 'numeric date whose day and month could be swapped: give --date-order',
  // settings problems (exit 2)
  E_OPTION: 'bad option value',
  E_LEXICON: 'lexicon could not be used',
  E_INPUT_MISSING: 'input path does not exist',
  // lexicon problems (framelens lexicon check; any E_LEX_* makes the lexicon unusable: exit 2)
  E_LEX_READ: 'lexicon file could not be read',
  E_LEX_FORMAT: 'lexicon format not recognised',
  E_LEX_SYNTAX: 'lexicon file does not parse',
  E_LEX_UNKNOWN_KEY: 'unknown key in lexicon',
  E_LEX_MISSING_KEY: 'required lexicon key missing',
  E_LEX_BAD_VALUE: 'lexicon value has the wrong type or form',
  E_LEX_NO_FRAMES: 'lexicon defines no frames',
  E_LEX_EMPTY_FRAME: 'frame has no terms',
  E_LEX_FRAME_NAME: 'frame name not allowed',
  E_LEX_DUPLICATE_FRAME: 'frame defined twice',
  E_LEX_EMPTY_TERM: 'empty term',
  E_LEX_PATTERN: 'term pattern cannot compile',
  E_LEX_BROAD_GLOB: 'glob would match almost every word',
  E_LEX_DIC_CATEGORY: 'LIWC category id not declared in the header',
  E_LEX_DIC_HEADER: 'malformed LIWC category header',
  E_LEX_DUPLICATE_NAME: 'two lexicons with the same name',
  W_LEX_DUPLICATE_TERM: 'term listed twice in the same frame (counted once)',
  W_LEX_BROAD_GLOB: 'glob is very broad',
  W_LEX_METADATA: 'lexicon metadata missing (name, version, description or sources)',
  W_LEX_NO_DESCRIPTION: 'frame has no description',
} as const;

export type Code = keyof typeof CODES;

/** A settings/usage error: the CLI prints `message` and exits 2 before writing anything. */
export class UsageError extends Error {
  readonly code: Code;
  constructor(code: Code, message: string) {
    super(message);
    this.code = code;
    this.name = 'UsageError';
  }
}

/** Standard message for a bad option, in p-queue's style: name, expectation, what was given. */
export function optionError(option: string, expected: string, got: unknown): UsageError {
  return new UsageError('E_OPTION', `Expected \`${option}\` to be ${expected}, got ${JSON.stringify(got)}`);
}
