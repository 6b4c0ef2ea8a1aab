/**
 * Bare wink in a process of its own, over every n-th article of a corpus (those whose line number is k mod n): run
 * twice side by side (k = 0, 1 of n = 2) it shows what two processes gain over one on this machine, the ceiling for
 * what two analysis workers can gain. Prints one JSON line: wall seconds (start-up and reading included, as a pipeline
 * run's are), seconds of wink's own work, tokens.
 * Usage: node dist/bench/bare-child.js CORPUS K N
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

const t0 = performance.now();
const [corpus, k, n] = process.argv.slice(2);
const nlp = winkNLP(model);
const its = nlp.its;
let work = 0;
let tokens = 0;
let i = 0;
for await (const line of createInterface({ input: createReadStream(corpus), crlfDelay: Infinity })) {
  if (!line.trim() || i++ % Number(n) !== Number(k)) continue;
  const text = (JSON.parse(line) as { text: string }).text;
  const w0 = performance.now();
  const doc = nlp.readDoc(text);
  tokens += doc.tokens().length();
  doc.tokens().out(its.pos);
  doc.sentences().out(its.span);
  work += performance.now() - w0;
}
process.stdout.write(JSON.stringify({ wall: (performance.now() - t0) / 1000, work: work / 1000, tokens }) + '\n');
