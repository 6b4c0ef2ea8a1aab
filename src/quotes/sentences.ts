/**
 * The sentences the quote finder reads: wink's, with a "sentence" that opens with a lowercase word joined to the one
 * before it on the same line. wink ends a sentence after a closing "!”" or "?”" and after an abbreviation's period
 * inside parentheses, though the sentence goes on: "“You lie!” he yelled", "Rep. Hank Johnson (D-Ga.) said in ‘08
 * that …". The attribution after such a quotation, and the subject of such a sentence, are then in the sentence they
 * belong to. Other stages keep wink's sentences (articles.csv `sentences`, frame_hits `sentence`).
 */
import type { NlpDoc, Sentence } from '../nlp/index.js';

export function quoteSentences(doc: NlpDoc): NlpDoc {
  const { sentences, text } = doc;
  let joins = false;
  for (let s = 1; s < sentences.length && !joins; s++) joins = opensLowercase(doc, s);
  if (!joins) return doc;
  const merged: Sentence[] = [];
  const into = new Array<number>(sentences.length);
  for (let s = 0; s < sentences.length; s++) {
    const last = merged[merged.length - 1];
    if (last && opensLowercase(doc, s) && !text.slice(last.end, sentences[s].start).includes('\n')) {
      merged[merged.length - 1] = { start: last.start, end: sentences[s].end, firstToken: last.firstToken, lastToken: sentences[s].lastToken };
    } else merged.push({ ...sentences[s] });
    into[s] = merged.length - 1;
  }
  const sentenceOf = doc.sentenceOf.map((s) => into[s]);
  return { ...doc, sentences: merged, sentenceOf };
}

/** Sentence s (not the first) opens with a word in lower case. */
function opensLowercase(doc: NlpDoc, s: number): boolean {
  const v = doc.value[doc.sentences[s].firstToken] ?? '';
  return s > 0 && /^\p{Ll}/u.test(v);
}
