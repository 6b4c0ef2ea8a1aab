/**
 * Part files: each analysis worker appends its articles' records to files of its own, one file per record type
 * (flat rows, which DuckDB loads in little memory; one nested line per article exhausted its memory limit). JSON lines
 * for rows holding text (JSON objects keyed by column), tab-separated lines for the terms (letters, apostrophes and hyphens only). Per batch the
 * rows are written in one call per file, the articles' file last: an article whose row is there has all its rows in
 * the other files too, so the part files of a run killed at any moment are complete records up to a torn last line
 * (what `--resume` reuses).
 *
 * The record tables (`records.articles`, `.quotes`, `.hits`, `.terms`, `.notes` in framelens.duckdb) have these
 * columns; `RECORD_TABLES` is their schema, and part-tables.ts reads a folder of part files into them. This module is
 * the workers' side: it loads neither DuckDB nor anything else the analysis does not need.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { AnalyzedArticle } from '../types.js';
import { shareKey } from '../analysis/share-key.js';

export const RECORD_TYPES = ['articles', 'quotes', 'hits', 'terms', 'notes'] as const;
export type RecordType = (typeof RECORD_TYPES)[number];

/** Each record table's columns and SQL types, in order. */
export const RECORD_TABLES: Record<RecordType, [string, string][]> = {
  articles: [
    ['seq', 'INTEGER'], ['id', 'VARCHAR'], ['outlet', 'VARCHAR'], ['date', 'VARCHAR'], ['event', 'VARCHAR'], ['title', 'VARCHAR'],
    ['url', 'VARCHAR'], ['source', 'VARCHAR'], ['key', 'VARCHAR'], ['chars', 'INTEGER'], ['tokens', 'INTEGER'], ['sentences', 'INTEGER'],
    ['quoted_tokens', 'INTEGER'], ['quotes', 'INTEGER'], ['hits', 'INTEGER'], ['hits_author', 'INTEGER'],
  ],
  quotes: [
    ['seq', 'INTEGER'], ['ord', 'INTEGER'], ['quote_id', 'VARCHAR'], ['kind', 'VARCHAR'], ['speaker', 'VARCHAR'], ['speaker_mention', 'VARCHAR'],
    ['speaker_start', 'INTEGER'], ['speaker_end', 'INTEGER'], ['speaker_role', 'VARCHAR'], ['speaker_type', 'VARCHAR'], ['cue', 'VARCHAR'],
    ['text', 'VARCHAR'], ['start', 'INTEGER'], ['end', 'INTEGER'], ['tokens', 'INTEGER'], ['cue_start', 'INTEGER'], ['cue_end', 'INTEGER'],
    ['gaps', 'VARCHAR'], ['share_key', 'VARCHAR'], ['share_variant', 'VARCHAR'],
  ],
  hits: [
    ['seq', 'INTEGER'], ['ord', 'INTEGER'], ['frame', 'VARCHAR'], ['term', 'VARCHAR'], ['match', 'VARCHAR'], ['voice', 'VARCHAR'],
    ['speaker', 'VARCHAR'], ['quote_id', 'VARCHAR'], ['negated', 'BOOLEAN'], ['sentence', 'INTEGER'], ['start', 'INTEGER'], ['end', 'INTEGER'],
    ['left_context', 'VARCHAR'], ['right_context', 'VARCHAR'],
  ],
  terms: [['seq', 'INTEGER'], ['term', 'VARCHAR'], ['count', 'INTEGER']],
  notes: [['seq', 'INTEGER'], ['ord', 'INTEGER'], ['input', 'VARCHAR'], ['line', 'INTEGER'], ['article_id', 'VARCHAR'], ['code', 'VARCHAR'], ['message', 'VARCHAR']],
};

/** One row as a JSON object line, keyed by the table's column names in order. */
function jsonRow(type: RecordType, values: unknown[]): string {
  const cols = RECORD_TABLES[type];
  const row: Record<string, unknown> = {};
  for (let i = 0; i < cols.length; i++) row[cols[i][0]] = values[i];
  return JSON.stringify(row) + '\n';
}

/** A record's rows as the lines of each part file. */
export function recordLines(r: AnalyzedArticle): Record<RecordType, string> {
  let author = 0;
  for (const h of r.hits) if (h.voice === 'author') author++;
  const articles = jsonRow('articles', [
    r.seq, r.id, r.outlet, r.date, r.event, r.title, r.url, r.source, r.key, r.chars, r.tokens, r.sentences, r.quotedTokens, r.quotes.length, r.hits.length, author,
  ]);
  let quotes = '';
  r.quotes.forEach((q, ord) => {
    const share = shareKey(q);
    const gaps = q.gaps.map(([a, b]) => `${a}..${b}`).join(';');
    quotes += jsonRow('quotes', [
      r.seq, ord, q.id, q.kind, q.speaker, q.speakerMention, q.speakerStart, q.speakerEnd, q.speakerRole, q.speakerType, q.cue, q.text,
      q.start, q.end, q.tokens, q.cueStart, q.cueEnd, gaps, share?.key ?? null, share?.variant ?? null,
    ]);
  });
  let hits = '';
  r.hits.forEach((h, ord) => {
    hits += jsonRow('hits', [r.seq, ord, h.frame, h.term, h.match, h.voice, h.speaker, h.quoteId, h.negated, h.sentence, h.start, h.end, h.leftContext, h.rightContext]);
  });
  let terms = '';
  for (const [t, c] of r.terms) terms += `${r.seq}\t${t}\t${c}\n`;
  let notes = '';
  r.notes.forEach((n, ord) => {
    notes += jsonRow('notes', [r.seq, ord, n.input, n.line, n.articleId, n.code, n.message]);
  });
  return { articles, quotes, hits, terms, notes };
}

const fileName = (type: RecordType, writer: number) => `${type}-${writer}.${type === 'terms' ? 'tsv' : 'jsonl'}`;

/** One writer's part files in a folder (opened for appending on first use). */
export class PartFiles {
  private readonly fds = new Map<RecordType, number>();

  constructor(
    private readonly dir: string,
    private readonly writer: number,
  ) {}

  /** A batch's records; the articles' rows last (see the module comment). */
  write(records: AnalyzedArticle[]): void {
    if (!records.length) return;
    const text: Record<RecordType, string> = { articles: '', quotes: '', hits: '', terms: '', notes: '' };
    for (const r of records) {
      const lines = recordLines(r);
      for (const t of RECORD_TYPES) text[t] += lines[t];
    }
    for (const t of ['quotes', 'hits', 'terms', 'notes', 'articles'] as const) {
      if (!text[t]) continue;
      let fd = this.fds.get(t);
      if (fd === undefined) this.fds.set(t, (fd = openSync(join(this.dir, fileName(t, this.writer)), 'a')));
      writeSync(fd, text[t]);
    }
  }

  close(): void {
    for (const fd of this.fds.values()) closeSync(fd);
    this.fds.clear();
  }
}
