/**
 * Times the quote finder alone: `node dist/bench/quote-stage.js ARTICLES.jsonl [ROUNDS]` reads every article of a JSONL
 * file (field `text`) with the NLP stage once, untimed, then runs findQuotes over all of them ROUNDS times (default 5)
 * and prints the fastest round in milliseconds and the number of quotations found (the same in every round).
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { readText } from '../src/nlp/index.js';
import { maskBoilerplate } from '../src/corpus/clean.js';
import { findQuotes } from '../src/quotes/index.js';
import { loadQuoteSettings } from '../src/quotes/settings.js';

const [file, roundsArg] = process.argv.slice(2);
if (!file) {
  console.error('usage: node dist/bench/quote-stage.js ARTICLES.jsonl [ROUNDS]');
  process.exit(2);
}
const rounds = Number(roundsArg ?? 5);
const settings = loadQuoteSettings();
const docs = readFileSync(file, 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => readText(maskBoilerplate((JSON.parse(l) as { text: string }).text).masked));
let best = Infinity;
let found = 0;
for (let r = 0; r < rounds; r++) {
  const t0 = performance.now();
  let count = 0;
  for (const doc of docs) count += findQuotes(doc, settings).length;
  best = Math.min(best, performance.now() - t0);
  found = count;
}
console.log(`${docs.length} articles, ${found} quotations, fastest of ${rounds} rounds: ${best.toFixed(0)} ms`);
