/** Reading articles.jsonl files line by line (records are written one JSON object per line, in `seq` order). */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { AnalyzedArticle } from '../types.js';

/**
 * Yields the records of an articles.jsonl file. A torn last line (a run killed mid-write) ends the file quietly when
 * `tolerateTornTail` is set; elsewhere it is an error.
 */
export async function* readRecords(path: string, tolerateTornTail = false): AsyncGenerator<AnalyzedArticle> {
  const rl = createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity });
  let lineNo = 0;
  for await (const line of rl) {
    lineNo++;
    if (!line) continue;
    let rec: AnalyzedArticle;
    try {
      rec = JSON.parse(line) as AnalyzedArticle;
    } catch (e) {
      if (tolerateTornTail) break;
      throw new Error(`${path}:${lineNo}: not a framelens record (${(e as Error).message})`);
    }
    yield rec;
  }
}
