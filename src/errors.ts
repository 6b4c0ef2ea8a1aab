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
  E_METADATA: 'bad metadata',
  E_ANALYSIS: 'analysis failed for this article',
  // notes about an analysed article (errors.csv, article kept)
  W_UNBALANCED_QUOTES: 'unbalanced quotation marks',
  W_TRUNCATED: 'text cleaned of boilerplate',
  // settings problems (exit 2)
  E_OPTION: 'bad option value',
  E_LEXICON: 'lexicon could not be used',
  E_INPUT_MISSING: 'input path does not exist',
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
