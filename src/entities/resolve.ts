/**
 * One speaker per person or organisation across the whole corpus (docs/speakers.md has the rules and why).
 * Input: the corpus's distinct (event, speaker as the quote finder wrote it, speaker_type) rows with their quotes,
 * article ids and outlets, plus the researcher's aliases. Output: each row's speaker_id and canonical speaker, and the
 * entities.csv rows. Pure: no I/O; the result depends only on the set of rows (not on their order, on how the corpus
 * was split into shards or on the worker count), because every choice is made from summed counts with ties broken
 * by code-point order.
 *
 * Rules, in order:
 *  1. aliases: a row whose speaker (folded: case, accents) is an alias takes the alias's speaker before anything else;
 *  2. persons with a first and a last name merge when first name, last name and suffix are equal after removing
 *     titles and folding case, accents, periods, apostrophes and hyphens, and their middle names agree (equal, or an
 *     initial of the other); a form without middle names joins them when the middle names seen form one person;
 *     forms of one given name listed in given_names are one first name ("Ed", "Edward"); other first names never
 *     merge (no fuzzy first names);
 *  3. a surname (or one name word) written alone merges into the person of that last name with at least
 *     SURNAME_SHARE of the quotes of all persons of that last name in the corpus, if that person is quoted in
 *     SURNAME_MIN_ARTICLES articles or named in an article where the surname is; otherwise it stays a speaker of its
 *     own (the rules use the whole corpus, not the event: `event` only keys the assignments);
 *  4. organisations and outlets merge on equal normalised forms (case, accents, leading "the", punctuation), and an
 *     acronym with the one name in the corpus whose initials spell it ("AP", "Associated Press"), or of several the one
 *     quoted in the same articles most; a person's body
 *     written with the person's full name ("Hillary Rodham Clinton's campaign") on the first and last name (ownedKey);
 *  5. anonymous and unknown speakers, and organisation names that are descriptions ("his campaign", "police"), are
 *     not entities: their speaker_id is empty.
 */
import { createHash } from 'node:crypto';
import type { SpeakerType } from '../types.js';
import { cleanWritten, foldName, givenNameForms, middlesCompatible, orgKey, parsePerson, type NameWords, type PersonName } from './names.js';
import { compareStrings as cmp } from '../search.js';

export interface SpeakerRow {
  event: string;
  /** The speaker as quotes.csv has it (the quote finder's per-article canonical name). */
  speaker: string;
  speakerType: SpeakerType;
  quotes: number;
  /** Ids of the articles these quotes are in (duplicates allowed). */
  articles: readonly string[];
  outlets: readonly string[];
}

export interface EntityOptions {
  /** Lowercased title words to remove before a person's name (pipeline/cues.yml titles + pipeline/entities.yml). */
  titles: readonly string[];
  /** Lowercased generational suffixes without period (pipeline/entities.yml). */
  suffixes: readonly string[];
  /** Folded alias → speaker (`loadAliases`). */
  aliases?: ReadonlyMap<string, string>;
  /** Share of a last name's quotes a person needs to take that surname written alone (default SURNAME_SHARE). */
  surnameShare?: number;
  /** Articles a person must be quoted in to take a surname written alone in other articles (default SURNAME_MIN_ARTICLES). */
  surnameMinArticles?: number;
  /** Lowercased first words that make an organisation's name a description ("his", "some"): pipeline/entities.yml. */
  descriptionWords?: readonly string[];
  /** Forms of one given name, compared as one ("joseph", "joe"): pipeline/entities.yml given_names. */
  givenNames?: readonly (readonly string[])[];
}

/** See `surnameMinArticles`: 3 keeps the merges of a surname alone right in the PolNeAR train sample (docs/speakers.md). */
export const SURNAME_MIN_ARTICLES = 3;

/**
 * A surname written alone is the person of that last name with at least this share of the quotes of everyone with
 * that last name (full names, across the corpus). On PolNeAR train: "Trump" is Donald Trump (93%, beside Eric,
 * Ivanka, Melania and headline fragments read as names), "Clinton" Hillary Clinton (87%, Bill 12%), "Biden" Joe Biden;
 * 0.8 would also make "Bush" Jeb Bush (80%, George W. and George H.W. Bush quoted too): two well-known holders of a
 * surname is where a surname alone stops naming one person. 1 is the strict rule (exactly one person of that surname),
 * which merges none of Trump, Sanders, Cruz.
 */
export const SURNAME_SHARE = 0.85;

export interface Assignment {
  event: string;
  speaker: string;
  speakerType: SpeakerType;
  /** '' for anonymous and unknown speakers. */
  speakerId: string;
  /** The entity's canonical name; the speaker itself for anonymous and unknown speakers. */
  canonical: string;
}

/** One row of entities.csv. */
export interface EntityRow {
  speaker_id: string;
  speaker: string;
  speaker_type: SpeakerType;
  /** "Donald Trump (658); Donald J. Trump (64); Trump (53)": written forms with their quotes, most quoted first. */
  variants: string;
  quotes: number;
  articles: number;
  outlets: number;
}

export interface Resolution {
  /** One per distinct input (event, speaker, speakerType), sorted by event, then type, then speaker. */
  assignments: Assignment[];
  /** Sorted by quotes (descending), then speaker, then speaker_id. */
  entities: EntityRow[];
  /** The assignment of one input row's (event, speaker, speakerType); null if no such row was given. */
  lookup(event: string, speaker: string, speakerType: SpeakerType): Assignment | null;
}

export const ENTITY_COLUMNS = ['speaker_id', 'speaker', 'speaker_type', 'variants', 'quotes', 'articles', 'outlets'] as const;

const rowKey = (event: string, speaker: string, type: string) => `${event}\u0000${type}\u0000${speaker}`;

/** speaker_id: `s_` and the first 10 hex digits of SHA-256 of the entity's class and canonical name. */
export function speakerIdOf(cls: 'person' | 'org', canonical: string): string {
  return `s_${createHash('sha256').update(`${cls}\u0000${canonical}`).digest('hex').slice(0, 10)}`;
}

interface Row extends SpeakerRow {
  /** rowKey(event, speaker, type): the order of the assignments. */
  key: string;
  /** The name after aliases (what is compared). */
  name: string;
  aliased: boolean;
  /** A person's name parts (persons only). */
  person?: PersonName;
  entity?: Entity;
}

class Entity {
  readonly rows: Row[] = [];
  canonical = '';
  id = '';
  type: SpeakerType = 'person';
  constructor(
    readonly cls: 'person' | 'org',
    /** A stable internal key (the merged name key): orders entities whose ids collide. */
    readonly key: string,
  ) {}
}

/** Quotes by key, summed. */
function tally<T>(items: Iterable<T>, key: (t: T) => string, count: (t: T) => number): Map<string, number> {
  const m = new Map<string, number>();
  for (const it of items) m.set(key(it), (m.get(key(it)) ?? 0) + count(it));
  return m;
}

/** The most quoted key; ties: fewer characters, then code-point order. */
function mostQuoted(counts: Map<string, number>): string {
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].length - b[0].length || cmp(a[0], b[0]))[0][0];
}

function mergeRows(rows: readonly SpeakerRow[], aliases: ReadonlyMap<string, string>): Row[] {
  const byKey = new Map<string, Row>();
  for (const r of rows) {
    const speaker = cleanWritten(r.speaker);
    const k = rowKey(r.event, speaker, r.speakerType);
    const have = byKey.get(k);
    if (have) {
      have.quotes += r.quotes;
      for (const a of r.articles) (have.articles as string[]).push(a);
      for (const o of r.outlets) (have.outlets as string[]).push(o);
      continue;
    }
    const named = r.speakerType === 'person' || r.speakerType === 'organization' || r.speakerType === 'outlet';
    const target = named ? aliases.get(foldName(speaker)) : undefined;
    byKey.set(k, { ...r, key: k, speaker, name: target ?? speaker, aliased: target !== undefined, articles: [...r.articles], outlets: [...r.outlets] });
  }
  return [...byKey.values()].sort((a, b) => cmp(a.key, b.key));
}

/**
 * A person's body written with the person's full name ("Hillary Rodham Clinton's campaign", "Hillary Clinton's
 * campaign"): keyed by the person's first name, last name and suffix and the body's words, so that the forms of one
 * person's name give one body, as they give one person (middle names aside: one first and last name's campaign is one
 * campaign); null for any other name.
 */
function ownedKey(name: string, words: NameWords): string | null {
  const m = /^(.+)['’]s ([\p{Ll} ]+)$/u.exec(cleanWritten(name));
  const p = m ? parsePerson(m[1], words) : null;
  return p && p.units > 1 ? `${p.first}|${p.last}|${p.suffix}|${m![2]}` : null;
}

/**
 * An organisation or outlet written as a name: a capitalised word after a leading "the", not a possessive or
 * demonstrative first. "the company", "police", "His campaign" name different bodies in different articles, so they
 * get no speaker_id (like anonymous speakers); so does "Police" when the corpus also writes it "police" (a common
 * noun capitalised at the start of a sentence).
 */
function isProperName(name: string, descriptionWords: ReadonlySet<string>): boolean {
  const words = cleanWritten(name).split(' ');
  if (descriptionWords.has(words[0].toLowerCase())) return false;
  const rest = /^the$/i.test(words[0]) ? words.slice(1) : words;
  return rest.some((w) => /^\p{Lu}/u.test(w));
}

export function resolveEntities(input: readonly SpeakerRow[], options: EntityOptions): Resolution {
  const words: NameWords = { titles: new Set(options.titles), suffixes: new Set(options.suffixes), givenNames: givenNameForms(options.givenNames ?? []) };
  const descriptionWords = new Set(options.descriptionWords ?? []);
  const rows = mergeRows(input, options.aliases ?? new Map());
  const entities: Entity[] = [];
  const add = (e: Entity, r: Row) => {
    e.rows.push(r);
    r.entity = e;
  };

  // Persons: full names grouped by first|last|suffix, then split by middle names.
  const fullByKey = new Map<string, Row[]>();
  const singles: Row[] = [];
  const orgs = new Map<string, Row[]>();
  const commonNouns = new Set<string>();
  for (const r of rows) {
    if (r.speakerType === 'person') {
      const p = parsePerson(r.name, words);
      if (!p) continue;
      r.person = p;
      if (p.units === 1) singles.push(r);
      else {
        const k = `${p.first}|${p.last}|${p.suffix}`;
        if (!fullByKey.has(k)) fullByKey.set(k, []);
        fullByKey.get(k)!.push(r);
      }
    } else if (r.speakerType === 'organization' || r.speakerType === 'outlet') {
      const k = ownedKey(r.name, words) ?? orgKey(r.name);
      if (!k) continue;
      if (!r.aliased && !isProperName(r.name, descriptionWords)) {
        commonNouns.add(k);
        continue;
      }
      if (!orgs.has(k)) orgs.set(k, []);
      orgs.get(k)!.push(r);
    }
  }

  // "Douglas Holtz Eakin" is "Douglas Holtz-Eakin": a last middle name and the last name that together are the
  // hyphenated (or spaced) last name of a name with the same first name and suffix join it.
  for (const k of [...fullByKey.keys()].sort(cmp)) {
    const group = fullByKey.get(k)!;
    for (const r of [...group]) {
      const p = r.person!;
      if (!p.middles.length) continue;
      const joined = `${p.first}|${p.middles[p.middles.length - 1]} ${p.last}|${p.suffix}`;
      if (joined === k || !fullByKey.has(joined)) continue;
      r.person = { ...p, middles: p.middles.slice(0, -1), last: `${p.middles[p.middles.length - 1]} ${p.last}` };
      group.splice(group.indexOf(r), 1);
      fullByKey.get(joined)!.push(r);
    }
    if (!group.length) fullByKey.delete(k);
  }

  const persons: Entity[] = [];
  for (const k of [...fullByKey.keys()].sort(cmp)) {
    const group = fullByKey.get(k)!;
    const middleCounts = tally(group, (r) => r.person!.middles.join(' '), (r) => r.quotes);
    const forms = [...middleCounts.entries()].filter(([m]) => m !== '').sort((a, b) => b[1] - a[1] || cmp(a[0], b[0]));
    // Each middle-name form joins the first cluster it agrees with entirely (most quoted forms first).
    const clusters: string[][] = [];
    for (const [m] of forms) {
      const ms = m.split(' ');
      const c = clusters.find((cl) => cl.every((o) => middlesCompatible(o.split(' '), ms)));
      if (c) c.push(m);
      else clusters.push([m]);
    }
    const clusterOf = new Map<string, number>();
    clusters.forEach((cl, i) => cl.forEach((m) => clusterOf.set(m, i)));
    const made = new Map<number, Entity>();
    for (const r of group) {
      const m = r.person!.middles.join(' ');
      // No middle name: the one person with middle names, or a speaker of its own when those are several people.
      const i = m === '' ? (clusters.length <= 1 ? 0 : -1) : clusterOf.get(m)!;
      if (!made.has(i)) {
        const e = new Entity('person', `${k}|${i < 0 ? '' : clusters[i]?.[0] ?? ''}`);
        made.set(i, e);
        persons.push(e);
      }
      add(made.get(i)!, r);
    }
  }

  // Surnames written alone: the person of that last name who has at least `surnameShare` of the quotes of all the
  // persons of that last name in the corpus (SURNAME_SHARE; 1 = only when exactly one person has that last name).
  const share = options.surnameShare ?? SURNAME_SHARE;
  const quotesOf = (e: Entity) => e.rows.reduce((s, r) => s + r.quotes, 0);
  const byLast = new Map<string, Entity[]>();
  for (const e of persons) {
    const last = e.rows[0].person!.last;
    if (!byLast.has(last)) byLast.set(last, []);
    byLast.get(last)!.push(e);
  }
  const dominant = new Map<string, Entity | null>();
  for (const [last, same] of byLast) {
    const total = same.reduce((s, o) => s + quotesOf(o), 0);
    const top = [...same].sort((a, b) => quotesOf(b) - quotesOf(a) || cmp(a.key, b.key))[0];
    dominant.set(last, quotesOf(top) >= share * total ? top : null);
  }
  // ... and who is named in an article where the surname is, or is quoted in SURNAME_MIN_ARTICLES articles or more:
  // a person named once in one article does not take a surname written alone in another ("Mr. Kaplan, a
  // screenwriter" is not Roberta A. Kaplan, "Representative Brooks" not the columnist David Brooks).
  const articlesOf = new Map<Entity, Set<string>>();
  const articleSet = (e: Entity) => {
    if (!articlesOf.has(e)) articlesOf.set(e, new Set(e.rows.flatMap((r) => r.articles)));
    return articlesOf.get(e)!;
  };
  const minArticles = options.surnameMinArticles ?? SURNAME_MIN_ARTICLES;
  const alone = new Map<string, Entity>();
  for (const r of singles) {
    const p = r.person!;
    let target: Entity | null = p.suffix ? null : (dominant.get(p.last) ?? null);
    if (target && articleSet(target).size < minArticles && !r.articles.some((a) => articleSet(target!).has(a))) target = null;
    if (!target) {
      const k = `${p.last}|${p.suffix}`;
      if (!alone.has(k)) {
        const e = new Entity('person', `|${k}`);
        alone.set(k, e);
      }
      target = alone.get(k)!;
    }
    add(target, r);
  }
  for (const e of persons) entities.push(e);
  for (const k of [...alone.keys()].sort(cmp)) entities.push(alone.get(k)!);
  mergeAcronyms(orgs, commonNouns);
  for (const k of [...orgs.keys()].sort(cmp)) {
    if (commonNouns.has(k) && !orgs.get(k)!.some((r) => r.aliased)) continue;
    const e = new Entity('org', k);
    for (const r of orgs.get(k)!) add(e, r);
    entities.push(e);
  }

  // Canonical names: an alias target if the entity has one, else the most quoted full name, else the most quoted form.
  for (const e of entities) {
    const targets = e.rows.filter((r) => r.aliased);
    if (targets.length) e.canonical = mostQuoted(tally(targets, (r) => cleanWritten(r.name), (r) => r.quotes));
    else if (e.cls === 'person') {
      const full = e.rows.filter((r) => r.person!.units > 1);
      e.canonical = mostQuoted(tally(full.length ? full : e.rows, (r) => r.person!.display, (r) => r.quotes));
    } else e.canonical = mostQuoted(tally(e.rows, (r) => r.name, (r) => r.quotes));
    if (e.cls === 'org') {
      const types = tally(e.rows, (r) => r.speakerType, (r) => r.quotes);
      e.type = [...types.entries()].sort((a, b) => b[1] - a[1] || cmp(a[0], b[0]))[0][0] as SpeakerType;
    }
    e.id = speakerIdOf(e.cls, e.canonical);
  }
  // Two entities with one canonical name (e.g. a surname alone and a person renamed to it by an alias): the one with
  // the smaller internal key keeps the id, the others get `_2`, `_3`, ….
  const byId = new Map<string, Entity[]>();
  for (const e of entities) {
    if (!byId.has(e.id)) byId.set(e.id, []);
    byId.get(e.id)!.push(e);
  }
  for (const same of byId.values()) {
    if (same.length < 2) continue;
    same.sort((a, b) => cmp(a.cls, b.cls) || cmp(a.key, b.key));
    same.forEach((e, i) => {
      if (i > 0) e.id = `${e.id}_${i + 1}`;
    });
  }

  const assignments: Assignment[] = rows.map((r) => {
    const e = r.entity;
    return { event: r.event, speaker: r.speaker, speakerType: r.speakerType, speakerId: e?.id ?? '', canonical: e?.canonical ?? r.speaker };
  });
  const index = new Map(assignments.map((a) => [rowKey(a.event, a.speaker, a.speakerType), a]));
  const entityRows: EntityRow[] = entities.map((e) => {
    const variants = [...tally(e.rows, (r) => r.speaker, (r) => r.quotes).entries()]
      .sort((a, b) => b[1] - a[1] || cmp(a[0], b[0]))
      // A ";" inside a written name (never seen in practice) is written "," so that the cell always splits on "; ".
      .map(([v, n]) => `${v.replace(/;/g, ',')} (${n})`)
      .join('; ');
    return {
      speaker_id: e.id,
      speaker: e.canonical,
      speaker_type: e.type,
      variants,
      quotes: e.rows.reduce((s, r) => s + r.quotes, 0),
      articles: new Set(e.rows.flatMap((r) => r.articles)).size,
      outlets: new Set(e.rows.flatMap((r) => r.outlets)).size,
    };
  });
  entityRows.sort((a, b) => b.quotes - a.quotes || cmp(a.speaker, b.speaker) || cmp(a.speaker_id, b.speaker_id));
  return {
    assignments,
    entities: entityRows,
    lookup: (event, speaker, speakerType) => index.get(rowKey(event, cleanWritten(speaker), speakerType)) ?? null,
  };
}

/** Words an acronym may leave out ("FBI": Federal Bureau of Investigation). */
const ACRONYM_JOINERS = new Set(['of', 'and', 'for', 'the', 'on', 'in']);

/**
 * "AP" and "Associated Press", "FBI" and "Federal Bureau of Investigation", "DOJ" and "Department of Justice": an
 * organisation written as an acronym (one word of 2 to 6 letters, periods removed by orgKey) joins the one organisation
 * of the corpus whose name's initials spell it, with or without its joining words; of several such names, the one
 * quoted alongside it in the most articles (quotedAlongside); none, or several equally, leave it apart. `orgs` is keyed
 * by orgKey; merged keys are removed.
 */
function mergeAcronyms(orgs: Map<string, Row[]>, commonNouns: ReadonlySet<string>): void {
  const byInitials = new Map<string, string[]>();
  for (const k of [...orgs.keys()].sort(cmp)) {
    const words = k.split(' ');
    if (words.length < 2 || commonNouns.has(k)) continue;
    const all = words.map((w) => w[0]).join('');
    const content = words.filter((w) => !ACRONYM_JOINERS.has(w)).map((w) => w[0]).join('');
    for (const initials of new Set([all, content])) {
      if (!byInitials.has(initials)) byInitials.set(initials, []);
      byInitials.get(initials)!.push(k);
    }
  }
  for (const k of [...orgs.keys()].sort(cmp)) {
    if (!/^[a-z]{2,6}$/.test(k) || commonNouns.has(k) || orgs.get(k)!.some((r) => r.aliased)) continue;
    const names = byInitials.get(k);
    const target = names?.length === 1 ? names[0] : names ? quotedAlongside(orgs, k, names) : null;
    if (target === null) continue;
    orgs.get(target)!.push(...orgs.get(k)!);
    orgs.delete(k);
  }
}

/**
 * Of several names whose initials spell the acronym `k` ("Democratic National Committee", "Democratic National
 * Convention" for "DNC"), the one quoted in the most articles that also quote the acronym, if it is the only one with
 * that many and they are at least one; else null.
 */
function quotedAlongside(orgs: Map<string, Row[]>, k: string, names: readonly string[]): string | null {
  const articles = new Set(orgs.get(k)!.flatMap((r) => r.articles));
  let best: string | null = null;
  let most = 0;
  let tie = false;
  for (const name of names) {
    const shared = new Set(orgs.get(name)!.flatMap((r) => r.articles.filter((a) => articles.has(a)))).size;
    if (shared > most) [best, most, tie] = [name, shared, false];
    else if (shared === most) tie = true;
  }
  return most > 0 && !tie ? best : null;
}

/** Parse an entities.csv `variants` cell back into [written form, quotes] pairs. */
export function parseVariants(cell: string): [string, number][] {
  if (!cell) return [];
  return cell.split('; ').map((part) => {
    const m = /^(.*) \((\d+)\)$/.exec(part);
    if (!m) throw new Error(`not a variant: ${part}`);
    return [m[1], Number(m[2])];
  });
}
