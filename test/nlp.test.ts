import fc from 'fast-check';
import { getWink, isSpaceCode, readText, tokenAt, wordsIn } from '../src/nlp/index.js';

describe('readText', () => {
  const text = ' date 2025-01-27 Rep. Tom Suozzi told CNN: “It will cause chaos.”\n\nHe did not agree.';
  const doc = readText(text);

  test('token offsets slice back to the token values', () => {
    for (let i = 0; i < doc.value.length; i++) {
      expect(text.slice(doc.tokStart[i], doc.tokEnd[i])).toBe(doc.value[i]);
    }
  });

  test('sentences carry offsets inside the text and cover their tokens', () => {
    expect(doc.sentences.length).toBeGreaterThanOrEqual(2);
    for (const s of doc.sentences) {
      expect(s.start).toBeGreaterThanOrEqual(0);
      expect(s.end).toBeLessThanOrEqual(text.length);
      expect(text.slice(s.start, s.end).trim()).toBe(text.slice(s.start, s.end));
    }
  });

  test('POS and lemmas come from wink', () => {
    const i = doc.value.indexOf('Suozzi');
    expect(doc.pos[i]).toBe('PROPN');
    expect(doc.pos[doc.value.indexOf('agree')]).toBe('VERB');
    expect(doc.lemma[doc.value.indexOf('told')]).toBe('tell');
  });

  test("values, POS, lemmas and lowercase forms are wink's own, token by token (read from its data directly)", () => {
    // Contractions (lemma stored in the token), one word under two POS (the lemma memo is per word and POS),
    // mixed case of one word (one lowercase id), and words wink learns on the way.
    const texts = [
      "I can't go, they don't run. The run was long; RUN, Run, run! She's running and ran. Xyzzyq's xyzzyq.",
      'The leaves fell. He leaves early. Saw a saw? Better better BETTER. Breitbart, Zlorp-ish and nation’s news.',
    ];
    const its = getWink().its;
    const idOf = new Map<string, number>();
    for (const t of texts) {
      const d = readText(t);
      const toks = getWink().readDoc(t).tokens();
      expect(d.value).toEqual(toks.out());
      expect(d.pos).toEqual(toks.out(its.pos));
      expect(d.lemma).toEqual(toks.out(its.lemma as Parameters<typeof toks.out>[0]));
      expect(d.lower).toEqual(d.value.map((v) => v.toLowerCase()));
      expect(d.lowerId).toHaveLength(d.value.length);
      for (let i = 0; i < d.lower.length; i++) {
        const id = d.lowerId![i];
        if (!idOf.has(d.lower[i])) idOf.set(d.lower[i], id);
        expect(id).toBe(idOf.get(d.lower[i]));
      }
    }
    expect(new Set(idOf.values()).size).toBe(idOf.size);
  });

  test('tokenAt and wordsIn count words by offset', () => {
    const start = text.indexOf('It will');
    expect(doc.value[tokenAt(doc, start)]).toBe('It');
    expect(wordsIn(doc, start, text.indexOf('.”'))).toBe(4);
  });
});

test('a word with letters beyond Latin-1 is one token as written ("Erdoğan", "Babiš", "Łukasz", "Путин"), which wink alone splits', () => {
  const t = 'Recep Tayyip Erdoğan met Andrej Babiš, Łukasz Nowak and Владимир Путин. Erdoğan’s aides said so; erdoğan too.';
  expect(getWink().readDoc(t).tokens().out()).toContain('ğ');
  const d = readText(t);
  for (const w of ['Erdoğan', 'Babiš', 'Łukasz', 'Владимир', 'Путин']) expect(d.value).toContain(w);
  expect(d.value.filter((v) => /^[ğšŁ]$/u.test(v))).toEqual([]);
  for (let i = 0; i < d.value.length; i++) expect(t.slice(d.tokStart[i], d.tokEnd[i])).toBe(d.value[i]);
  const at = d.value.indexOf('Erdoğan');
  expect([d.pos[at], d.lower[at], d.lemma[at]]).toEqual(['PROPN', 'erdoğan', 'erdoğan']);
  // One lowercase id for the word however it is written.
  const ids = d.lower.map((l, i) => (l === 'erdoğan' ? d.lowerId[i] : -1)).filter((x) => x >= 0);
  expect(ids).toHaveLength(3);
  expect(new Set(ids).size).toBe(1);
  expect(d.sentences).toHaveLength(2);
});

test("an article's tokens do not depend on the articles read before it (wink's learnt words)", () => {
  // Unpatched, wink learns the string "nation's" whole from the first text and then keeps it whole in the second:
  // 11 tokens instead of 12, so results depended on which articles a worker happened to read first.
  const probe = "It was the race in the nation's first caucus state.";
  const before = readText(probe).value;
  readText("The nation's- a teacher of wink's cache.");
  const after = readText(probe).value;
  expect(after).toEqual(before);
  expect(before).toContain("'s");
});

test('isSpaceCode agrees with the regex class \\s on every UTF-16 code', () => {
  const differ: number[] = [];
  for (let c = 0; c < 0x10000; c++) if (isSpaceCode(c) !== /\s/.test(String.fromCharCode(c))) differ.push(c);
  expect(differ).toEqual([]);
  expect(isSpaceCode(Number.NaN)).toBe(false); // charCodeAt past the end of a string
});

test("token offsets are where wink's own preceding spaces put them, whatever the white space between tokens", () => {
  const nlp = getWink();
  /**
   * Offsets as wink reproduces the text: each token after its preceding spaces, searched for where wink does not
   * reproduce it (it drops some spaces, e.g. U+3000 before a word) — how readText found them up to 0.2.4.
   */
  const winkOffsets = (text: string): number[] => {
    const toks = nlp.readDoc(text).tokens();
    const values = toks.out() as string[];
    const spaces = toks.out(nlp.its.precedingSpaces) as string[];
    const starts: number[] = [];
    let offset = 0;
    for (let i = 0; i < values.length; i++) {
      offset += spaces[i].length;
      const at = text.startsWith(values[i], offset) ? offset : text.indexOf(values[i], offset);
      starts.push(at >= 0 ? at : offset);
      offset = starts[i] + values[i].length;
    }
    return starts;
  };
  const piece = fc.constantFrom('word', 'Trump', '“', '”', '"', "'s", ' ', '  ', '\n', '\n\n', '\t', '\u00a0', '\r\n', '.', ',', '—', '...', 'U.S.', "don't", '#tag', '$5', '3,000', 'é', '\u2009', '\u3000');
  fc.assert(
    fc.property(fc.array(piece, { minLength: 1, maxLength: 30, size: 'max' }), (parts) => {
      const text = parts.join('');
      const doc = readText(text);
      expect(doc.tokStart).toEqual(winkOffsets(text));
      for (let i = 0; i < doc.value.length; i++) expect(text.slice(doc.tokStart[i], doc.tokEnd[i])).toBe(doc.value[i]);
    }),
    { numRuns: 500, seed: 17 },
  );
});
