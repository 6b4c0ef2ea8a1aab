/**
 * The hand-made speaker label files (test/fixtures/speakers/*.jsonl, format in test/fixtures/speakers/README.md):
 * every line has exactly the format's fields with valid values, the file is sorted and holds no article text; where
 * ../shared is present, each label points at an eligible gold attribution whose content and source extents it repeats.
 */
import { existsSync, readFileSync } from 'node:fs';
import { isGold } from '../src/eval/index.js';
import { packageFile } from '../src/paths.js';
import type { SpeakerLabel } from '../src/eval/speakers.js';

type Label = Required<SpeakerLabel>;

const FIELDS = ['attribution', 'content', 'doc_id', 'gender', 'mention_kind', 'source', 'speaker', 'speaker_type'];
const KINDS = ['full_name', 'surname', 'pronoun', 'role', 'organization', 'none_nearby'];
const TYPES = ['person', 'organization', 'outlet', 'anonymous'];

const splits = ['train', 'dev'].filter((s) => existsSync(packageFile(`test/fixtures/speakers/${s}.jsonl`)));

function readLabels(split: string): Label[] {
  return readFileSync(packageFile(`test/fixtures/speakers/${split}.jsonl`), 'utf8')
    .split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as Label);
}

function isSpan(x: unknown): boolean {
  return Array.isArray(x) && x.length === 2 && x.every((n) => Number.isInteger(n) && n >= 0) && x[0] < x[1];
}

function extent(spans: [number, number][]): [number, number] {
  return [Math.min(...spans.map((s) => s[0])), Math.max(...spans.map((s) => s[1]))];
}

test('at least one label file is present', () => {
  expect(splits.length).toBeGreaterThan(0);
});

describe.each(splits)('%s labels', (split) => {
  const labels = readLabels(split);

  test('each line has exactly the format fields, with valid values', () => {
    for (const l of labels) {
      // `person` (optional): the labelled person's name as another label writes it, for a person labelled in two forms.
      expect(Object.keys(l).filter((k) => k !== 'person').sort()).toEqual(FIELDS);
      if ('person' in l) {
        expect(l.speaker_type).toBe('person');
        expect(l.person).not.toBe(l.speaker);
        expect(labels.some((o) => o.speaker === l.person)).toBe(true);
      }
      expect(isSpan(l.content) && isSpan(l.source)).toBe(true);
      expect(KINDS).toContain(l.mention_kind);
      expect(TYPES).toContain(l.speaker_type);
      expect(l.speaker_type === 'anonymous').toBe(l.speaker === '');
      expect(['m', 'f', '']).toContain(l.gender);
      if (l.speaker_type !== 'person') expect(l.gender).toBe('');
      // A name, not a passage: short (the longest are organisations' names, "House of Representatives Committee on
      // Science, Space and Technology"), one line, no quotation marks.
      expect(l.speaker.length).toBeLessThanOrEqual(80);
      expect(l.speaker).not.toMatch(/["“”\n]/);
    }
  });

  test('sorted by doc_id then content start, one label per attribution', () => {
    const keys = labels.map((l) => `${l.doc_id} ${l.attribution}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (let i = 1; i < labels.length; i++) {
      const [a, b] = [labels[i - 1], labels[i]];
      expect(a.doc_id < b.doc_id || (a.doc_id === b.doc_id && a.content[0] <= b.content[0])).toBe(true);
    }
  });

  const corpus = packageFile(`../shared/eval/polnear/${split}.jsonl`);
  (existsSync(corpus) ? test : test.skip)('each label is an eligible gold attribution with its extents (../shared, read at run time)', () => {
    const docs = new Map<string, { attributions: Parameters<typeof isGold>[0][] }>();
    for (const line of readFileSync(corpus, 'utf8').split('\n')) {
      if (line.trim() === '') continue;
      const r = JSON.parse(line) as { doc_id: string; attributions: Parameters<typeof isGold>[0][] };
      docs.set(r.doc_id, r);
    }
    for (const l of labels) {
      const a = docs.get(l.doc_id)?.attributions.find((x) => x.id === l.attribution);
      expect(a).toBeDefined();
      expect(isGold(a!)).toBe(true);
      expect(extent(a!.content!.spans)).toEqual(l.content);
      expect(extent(a!.source!.spans)).toEqual(l.source);
    }
  });
});
