/**
 * Name forms compared by the speaker merging (docs/speakers.md): a person's name split into first name, middle names,
 * last name and generational suffix, with titles removed; an organisation's name reduced to its normalised form.
 * Pure functions of the name and the word lists.
 */

/** Surname particles that belong to the last name ("Bill de Blasio", "Marine Le Pen", "Beto O'Rourke" is not one). */
const PARTICLES = new Set(['de', 'del', 'della', 'der', 'den', 'di', 'da', 'das', 'dos', 'du', 'van', 'von', 'le', 'la', 'al', 'el', 'bin', 'ibn', 'st', 'st.']);

/** Case, accents and apostrophe forms folded; whitespace collapsed ("José  Núñez" → "jose nunez"). */
export function foldName(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[‘’ʼ`´]/g, "'")
    .replace(/[‐‑‒–—]/g, '-')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** Whitespace collapsed (a no-break space is a space), nothing else changed: the written form a variant is listed as. */
export function cleanWritten(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/** One name word or particle run as compared: folded, periods, apostrophes and hyphens dropped ("O’Donnell" → "odonnell"). */
function unitKey(unit: string): string {
  return foldName(unit).replace(/[.']/g, '').replace(/-/g, ' ').replace(/\s+/g, ' ').trim();
}

export interface PersonName {
  /** The name as displayed: titles removed, suffix kept ("President Donald J. Trump" → "Donald J. Trump"). */
  display: string;
  /**
   * Compared units: first name (its given_names form: "Ed" → "edward"), middle names (initials spelled as letters:
   * "H.W." → "h", "w"), last name.
   */
  first: string;
  middles: string[];
  last: string;
  /** Name units: 1 for a surname (or first name) written alone. */
  units: number;
  /** Folded generational suffix ("jr"), '' if none. */
  suffix: string;
}

export interface NameWords {
  titles: ReadonlySet<string>;
  suffixes: ReadonlySet<string>;
  /** A given name's form → the form it is compared as ("joe" → "joseph"; givenNameForms). */
  givenNames?: ReadonlyMap<string, string>;
}

/** given_names' lists (pipeline/entities.yml) as NameWords.givenNames: each form → its list's first form. */
export function givenNameForms(groups: readonly (readonly string[])[]): Map<string, string> {
  const m = new Map<string, string>();
  for (const g of groups) for (const form of g) m.set(unitKey(form), unitKey(g[0]));
  return m;
}

function isTitle(word: string, titles: ReadonlySet<string>): boolean {
  const w = foldName(word);
  return titles.has(w) || titles.has(w.replace(/\.$/, '')) || titles.has(`${w}.`);
}

/** Split a person's name; null when nothing but titles is left. */
export function parsePerson(written: string, words: NameWords): PersonName | null {
  let ws = cleanWritten(written).split(' ').filter(Boolean);
  // "President Trump", "Attorney General Loretta Lynch": leading titles are the role, not the name (one word kept).
  while (ws.length > 1 && isTitle(ws[0], words.titles)) ws = ws.slice(1);
  let suffix = '';
  if (ws.length > 1) {
    const s = foldName(ws[ws.length - 1]).replace(/[.,]/g, '');
    if (words.suffixes.has(s)) {
      suffix = s;
      ws = ws.slice(0, -1);
      ws[ws.length - 1] = ws[ws.length - 1].replace(/,$/, '');
    }
  }
  if (ws.length === 0) return null;
  const display = [...ws, ...(suffix ? [cleanWritten(written).split(' ').pop()!] : [])].join(' ');
  // Last name: the last word with the particles just before it ("de Blasio"); the whole name when only particles precede.
  let lastFrom = ws.length - 1;
  while (lastFrom > 0 && PARTICLES.has(foldName(ws[lastFrom - 1]))) lastFrom--;
  if (lastFrom === 0) return { display, first: '', middles: [], last: unitKey(ws.join(' ')), units: 1, suffix };
  const middles: string[] = [];
  for (const m of ws.slice(1, lastFrom)) {
    // "H.W." is two initials; "J." one; "Rodham" a name.
    if (/^(\p{L}\.){2,}$/u.test(m)) for (const letter of m.split('.').filter(Boolean)) middles.push(unitKey(letter));
    else middles.push(unitKey(m));
  }
  const first = unitKey(ws[0]);
  return { display, first: words.givenNames?.get(first) ?? first, middles, last: unitKey(ws.slice(lastFrom).join(' ')), units: 2, suffix };
}

/**
 * Two middle-name lists name the same person: same length, each pair equal or an initial of the other ("J." and
 * "John"). Different lists ("H. W." and "W.") are different people; an empty list is handled by the caller.
 */
export function middlesCompatible(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (x === y) continue;
    if (x.length === 1 && y.startsWith(x)) continue;
    if (y.length === 1 && x.startsWith(y)) continue;
    return false;
  }
  return true;
}

/** An organisation's or outlet's compared form: folded, a leading "the" and punctuation dropped ("The F.B.I." → "fbi"). */
export function orgKey(written: string): string {
  return foldName(written)
    .replace(/^the\s+/, '')
    .replace(/[.,'"“”!?()&-]/g, (c) => (c === '&' ? ' and ' : c === '-' ? ' ' : ''))
    .replace(/\s+/g, ' ')
    .trim();
}
