/**
 * A deterministic synthetic corpus for pipeline tests (determinism, shards, resume): short articles from three
 * outlets on two events, with direct and indirect quotes and framing vocabulary. Built from templates, so tests can
 * make as many articles as they need without shipping data.
 */
import { writeFileSync } from 'node:fs';

const SPEAKERS = [
  ['Sen. Maria Lopez', 'Lopez', 'she'],
  ['Gov. Peter Hall', 'Hall', 'he'],
  ['border czar Tom Homan', 'Homan', 'he'],
  ['Rep. Anna Berg', 'Berg', 'she'],
];
const AUTHOR = [
  'The crackdown has caused chaos at the border, critics say.',
  'Officials described a humane and orderly process for families.',
  'Advocates called the policy cruel and said families were separated.',
  'Illegal aliens with criminal records were the first to be deported.',
  'Undocumented immigrants in the city worried about raids.',
  'The raids targeted migrants who had crossed recently.',
];
const QUOTES = [
  'This is chaos, plain and simple',
  'We will do this in a humane way',
  'Cruelty is the point of this policy',
  'We are going after criminals first',
  'Families deserve better than this',
];

export function syntheticArticle(i: number): { id: string; outlet: string; event: string; date: string; title: string; text: string } {
  const outlet = ['Daily Planet', 'Metro Ledger', 'Border Wire'][i % 3];
  const event = i % 2 === 0 ? 'quotas' : 'raids';
  const [full, last, pron] = SPEAKERS[i % SPEAKERS.length];
  const q1 = QUOTES[i % QUOTES.length];
  const q2 = QUOTES[(i + 2) % QUOTES.length];
  const paras = [
    AUTHOR[i % AUTHOR.length] + ' ' + AUTHOR[(i + 3) % AUTHOR.length],
    `“${q1},” ${full} said on ${['Monday', 'Tuesday', 'Friday'][i % 3]}.`,
    `${last} added that the plan would not change. “${q2},” ${pron} said.`,
    AUTHOR[(i + 1) % AUTHOR.length],
  ];
  return { id: `art-${String(i).padStart(4, '0')}`, outlet, event, date: `2025-01-${String(20 + (i % 8)).padStart(2, '0')}`, title: `Story ${i} about ${event}`, text: paras.join('\n\n') };
}

export function writeSyntheticJsonl(path: string, n: number, extraLines: string[] = []): void {
  const lines = Array.from({ length: n }, (_, i) => JSON.stringify(syntheticArticle(i)));
  writeFileSync(path, [...lines, ...extraLines].join('\n') + '\n');
}
