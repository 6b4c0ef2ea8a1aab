/** errors.csv's notes (from the records, in order) merged with the rejected inputs in errors.csv's order. */
import { compareProblems, mergeProblems, type SeqProblem } from '../src/engine/reduce.js';
import { seededRandom } from './helpers/random.js';

const CODES = ['W_UNBALANCED_QUOTES', 'W_TRUNCATED', 'E_BAD_JSON', 'W_EMPTY'];

test('notes and rejected inputs come back in the order of one stable sort by seq, then code', async () => {
  const random = seededRandom(11);
  for (let round = 0; round < 50; round++) {
    {
      const problems: SeqProblem[] = [];
      const noted: SeqProblem[] = [];
      for (let seq = 0; seq < 40; seq++) {
        const kind = random(4);
        if (kind === 0) {
          // A rejected input (no record), given in any order by the caller.
          problems.splice(random(problems.length + 1), 0, { seq, input: 'in “é”.jsonl', line: seq + 1, articleId: '', code: CODES[random(4)], message: `bad, "line" ${seq}` });
        } else {
          const n = kind === 1 ? 0 : random(4);
          const list = Array.from({ length: n }, (_, k) => ({ input: 'in.jsonl', line: seq + 1, articleId: `a${seq}`, code: CODES[random(2)], message: `note ${k}\nsecond line` }));
          noted.push(...list.map((p) => ({ ...p, seq })));
        }
      }
      const expected = [...problems, ...noted].sort((a, b) => a.seq - b.seq || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
      // The notes as the engine reads them: by seq, then code, then their order in the record (a stable sort).
      const notes = [...noted].sort(compareProblems);
      async function* stream() {
        yield* notes;
      }
      const got: SeqProblem[] = [];
      for await (const p of mergeProblems(problems, stream())) got.push(p);
      expect(got).toEqual(expected);
    }
  }
});
