/**
 * Event grouping. `metadata`: the articles' own `event`. `none`: one group, `all`. `auto`: articles about the same
 * real-world event are grouped across outlets:
 *  1. each article becomes a TF-IDF vector over its content words: weight = count × ln((N + 1) / df), ×TITLE_WEIGHT
 *     for a word that is also in the article's title (headlines name the happening: "Comey", "Khan", "Ginsburg");
 *     the VECTOR_TERMS heaviest terms are kept and the vector is L2-normalised;
 *  2. articles are visited in (date, id) order — deterministic whatever the input order — and each joins the open
 *     group with the highest average-link similarity (the mean cosine to the group's members, computed exactly as
 *     the dot product with the sum of their vectors divided by the member count), if that is at least
 *     AUTO_THRESHOLD; otherwise it starts a new group;
 *  3. a group is open for AUTO_WINDOW_DAYS after its FIRST article's date, then closes for good. The window does not
 *     slide with the latest member, so a week of coverage cannot chain into one group, and only open groups are
 *     compared (linear in the corpus for a steady flow of news). Undated articles come last and may join any group
 *     still open then, or each other;
 *  4. a group is labelled by its first date and its three most shared terms.
 * Average-link avoids single-link chaining (A~B and B~C putting A and C together) and, unlike a normalised centroid,
 * still pays for members that do not resemble the newcomer.
 *
 * Parameters were chosen on a hand-grouped tuning set (183 PolNeAR train articles, 2016-07-01..09-07, 21 events:
 * test/fixtures/events/train-split-events.csv) and then measured once on the hand-grouped dev set — see
 * test/events.test.ts and docs/statistics.md for the figures.
 */
import type { Cell } from '../export/csv.js';

export interface EventInput {
  id: string;
  seq: number;
  outlet: string;
  date: string;
  title: string;
  event: string;
  terms: [string, number][];
}

export type EventMode = 'metadata' | 'auto' | 'none';

/** Minimum average cosine similarity to a group's members to join it. */
export const AUTO_THRESHOLD = 0.25;
/** A group accepts articles dated at most this many days after its first article. */
export const AUTO_WINDOW_DAYS = 3;
/**
 * Second stage: two groups of at least MERGE_MIN_MEMBERS articles each, the later one starting at most
 * AUTO_WINDOW_DAYS after the earlier one's last article, merge when the mean cosine over all pairs of their members
 * is at least MERGE_THRESHOLD.
 */
export const MERGE_THRESHOLD = 0.3;
export const MERGE_MIN_MEMBERS = 2;
/** Weight multiplier of a term that also occurs in the article's title. */
export const TITLE_WEIGHT = 3;
const VECTOR_TERMS = 40;
export const UNASSIGNED = '(no event)';
/** The one group of `--events none`. */
export const ALL_EVENTS = 'all';

function dayOf(date: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  if (!m) return null;
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / 86_400_000;
}

type Vec = Map<string, number>;

function dot(a: Vec, b: Vec): number {
  let sum = 0;
  const [small, big] = a.size < b.size ? [a, b] : [b, a];
  for (const [t, w] of small) {
    const v = big.get(t);
    if (v !== undefined) sum += w * v;
  }
  return sum;
}

function normalise(v: Vec): Vec {
  let norm = 0;
  for (const w of v.values()) norm += w * w;
  norm = Math.sqrt(norm);
  if (norm > 0) for (const [t, w] of v) v.set(t, w / norm);
  return v;
}

/** The title's words as terms are spelled (lowercased, straight apostrophe, no possessive "'s"). */
export function titleWords(title: string): Set<string> {
  return new Set(
    title
      .toLowerCase()
      .replace(/’/g, "'")
      .split(/[^\p{L}'-]+/u)
      .map((w) => w.replace(/'s$/, ''))
      .filter(Boolean),
  );
}

export function tfidfVectors(items: EventInput[]): Vec[] {
  const df = new Map<string, number>();
  for (const it of items) for (const [t] of it.terms) df.set(t, (df.get(t) ?? 0) + 1);
  const n = items.length;
  return items.map((it) => {
    const inTitle = titleWords(it.title ?? '');
    const weighted = it.terms.map(([t, c]) => {
      const w = c * Math.log((n + 1) / df.get(t)!) * (inTitle.has(t) ? TITLE_WEIGHT : 1);
      return [t, w] as [string, number];
    });
    weighted.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    return normalise(new Map(weighted.slice(0, VECTOR_TERMS)));
  });
}

interface Group {
  members: number[];
  /** Sum of the members' vectors: mean cosine to the members = dot(v, sum) / members.length. */
  sum: Vec;
  /** Day of the first dated member, null for a group of undated articles. */
  firstDay: number | null;
  /** Day of the last dated member, null for a group of undated articles. */
  lastDay: number | null;
}

function byDateThenId(items: EventInput[]): number[] {
  return items.map((_, i) => i).sort((a, b) => {
    const da = items[a].date || '\uffff';
    const db = items[b].date || '\uffff';
    return da < db ? -1 : da > db ? 1 : items[a].id < items[b].id ? -1 : items[a].id > items[b].id ? 1 : 0;
  });
}

export function autoGroups(items: EventInput[]): number[][] {
  return mergeGroups(windowGroups(items, tfidfVectors(items))).map((g) => g.members);
}

function addTo(sum: Vec, v: Vec): void {
  for (const [t, w] of v) sum.set(t, (sum.get(t) ?? 0) + w);
}

/** Stage 1: average-link groups within AUTO_WINDOW_DAYS of each group's first article, in order of first article. */
function windowGroups(items: EventInput[], vecs: Vec[]): Group[] {
  const groups: Group[] = [];
  // Articles come in date order, so a group whose first article is more than the window behind can never be joined
  // again: keep only the open ones.
  let open: number[] = [];
  for (const i of byDateThenId(items)) {
    const day = dayOf(items[i].date);
    if (day !== null) open = open.filter((g) => groups[g].firstDay === null || day - groups[g].firstDay! <= AUTO_WINDOW_DAYS);
    let best = -1;
    let bestSim = AUTO_THRESHOLD;
    for (const g of open) {
      const sim = dot(vecs[i], groups[g].sum) / groups[g].members.length;
      if (sim >= bestSim + 1e-12 || (best < 0 && sim >= bestSim)) {
        best = g;
        bestSim = sim;
      }
    }
    if (best < 0) {
      groups.push({ members: [], sum: new Map(), firstDay: day, lastDay: day });
      best = groups.length - 1;
      open.push(best);
    }
    const g = groups[best];
    g.members.push(i);
    addTo(g.sum, vecs[i]);
    if (day !== null) g.lastDay = day; // articles come in date order
  }
  return groups;
}

/**
 * Stage 2: coverage of one event that outlasts the window (previews, the day itself, follow-ups) ends up in
 * consecutive stage-1 groups. Visited in order of first article (stage 1's order), each dated group of at least
 * MERGE_MIN_MEMBERS joins the earlier merged group of at least MERGE_MIN_MEMBERS whose last article is at most
 * AUTO_WINDOW_DAYS before its first and whose group-average similarity to it (mean cosine over all cross pairs =
 * dot of the two vector sums / product of the sizes) is highest, if at least MERGE_THRESHOLD. Requiring several
 * articles on both sides makes this group-level evidence: one article's topical likeness to another (two stories
 * about the same candidate a week apart) does not merge anything. Only groups still within reach are compared.
 */
function mergeGroups(groups: Group[]): Group[] {
  const out: Group[] = [];
  let open: number[] = [];
  for (const g of groups) {
    const eligible = g.firstDay !== null && g.members.length >= MERGE_MIN_MEMBERS;
    if (g.firstDay !== null) open = open.filter((h) => g.firstDay! - out[h].lastDay! <= AUTO_WINDOW_DAYS);
    let best = -1;
    let bestSim = MERGE_THRESHOLD;
    if (eligible) {
      for (const h of open) {
        const sim = dot(g.sum, out[h].sum) / (g.members.length * out[h].members.length);
        if (sim >= bestSim + 1e-12 || (best < 0 && sim >= bestSim)) {
          best = h;
          bestSim = sim;
        }
      }
    }
    if (best < 0) {
      out.push({ members: [...g.members], sum: new Map(g.sum), firstDay: g.firstDay, lastDay: g.lastDay });
      if (eligible) open.push(out.length - 1);
      continue;
    }
    const h = out[best];
    h.members.push(...g.members);
    addTo(h.sum, g.sum);
    h.lastDay = Math.max(h.lastDay!, g.lastDay!);
  }
  return out;
}

function label(items: EventInput[], members: number[]): string {
  const sum = new Map<string, number>();
  for (const i of members) for (const [t, c] of items[i].terms) sum.set(t, (sum.get(t) ?? 0) + c);
  // Terms shared by most members describe the event better than one article's favourite word.
  const df = new Map<string, number>();
  for (const i of members) for (const [t] of items[i].terms) df.set(t, (df.get(t) ?? 0) + 1);
  const top = [...sum.entries()]
    .sort((a, b) => df.get(b[0])! - df.get(a[0])! || b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, 3)
    .map(([t]) => t);
  const dates = members.map((i) => items[i].date).filter(Boolean).sort();
  return `${dates[0] ?? 'undated'} ${top.join(' ')}`.trim();
}

/** Article id → event used in every table. Deterministic and independent of the order of `items`. */
export function assignEvents(items: EventInput[], mode: EventMode): Map<string, string> {
  const out = new Map<string, string>();
  if (mode === 'none') {
    for (const it of items) out.set(it.id, ALL_EVENTS);
    return out;
  }
  if (mode === 'metadata') {
    for (const it of items) out.set(it.id, it.event || UNASSIGNED);
    return out;
  }
  const groups = autoGroups(items);
  const used = new Map<string, number>();
  const labelled = groups.map((members) => ({ members, label: label(items, members) }));
  labelled.sort((a, b) => (a.label < b.label ? -1 : a.label > b.label ? 1 : items[a.members[0]].id < items[b.members[0]].id ? -1 : 1));
  for (const { members, label: base } of labelled) {
    const k = (used.get(base) ?? 0) + 1;
    used.set(base, k);
    const name = k === 1 ? base : `${base} #${k}`;
    for (const i of members) out.set(items[i].id, name);
  }
  return out;
}

/** events.csv: event, label, first_date, last_date, articles, outlets (joined with "; "), sorted by event. */
export function eventsTable(items: EventInput[], assignment: Map<string, string>): { columns: string[]; rows: Cell[][] } {
  const by = new Map<string, EventInput[]>();
  for (const it of items) {
    const e = assignment.get(it.id) ?? UNASSIGNED;
    if (!by.has(e)) by.set(e, []);
    by.get(e)!.push(it);
  }
  const rows: Cell[][] = [];
  for (const e of [...by.keys()].sort()) {
    const members = by.get(e)!;
    const dates = members.map((m) => m.date).filter(Boolean).sort();
    const outlets = [...new Set(members.map((m) => m.outlet))].sort();
    rows.push([e, e, dates[0] ?? '', dates[dates.length - 1] ?? '', members.length, outlets.length, outlets.join('; ')]);
  }
  return { columns: ['event', 'label', 'first_date', 'last_date', 'articles', 'n_outlets', 'outlets'], rows };
}
