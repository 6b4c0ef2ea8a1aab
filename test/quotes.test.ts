/**
 * Quote shapes pinned on short texts written for these tests (the same shapes are in the hand-annotated gold set
 * test/gold/quotes.jsonl, scored in test/eval.test.ts).
 */
import { readText } from '../src/nlp/index.js';
import { findQuotes, loadQuoteSettings } from '../src/quotes/index.js';
import type { Quote } from '../src/types.js';

const settings = loadQuoteSettings();
function quotes(text: string): (Quote & { text: string; mentionText: string })[] {
  return findQuotes(readText(text), settings).map((q) => ({
    ...q,
    text: text.slice(q.start, q.end),
    mentionText: q.speakerStart === null ? '' : text.slice(q.speakerStart, q.speakerEnd!),
  }));
}

test('direct quote with curly marks, speaker after: span inside the marks, mention with offsets, role', () => {
  const [q] = quotes('“We will finish the wall,” Gov. Ana Ruiz said on Monday.');
  expect(q).toMatchObject({ kind: 'direct', text: 'We will finish the wall', speaker: 'Ana Ruiz', speakerMention: 'Gov. Ana Ruiz', mentionText: 'Gov. Ana Ruiz', speakerRole: 'Gov.', speakerType: 'person', cue: 'said' });
});

test('straight marks and an inverted cue: "…," said Sen. X', () => {
  const [q] = quotes('"The budget is broken," said Sen. Paul Okafor, a Democrat from Ohio.');
  expect(q).toMatchObject({ kind: 'direct', text: 'The budget is broken', speaker: 'Paul Okafor' });
  expect(q.speakerRole.startsWith('Sen.')).toBe(true); // "Sen.; Democrat": the apposition is kept as a second role
});

test('mixed marks pair up; doubled apostrophes count as quotation marks', () => {
  expect(quotes('“We are close," Mayor Lena Holt said.')[0]).toMatchObject({ text: 'We are close', speaker: 'Lena Holt' });
  expect(quotes("''It is a new day,'' Mr. Dan Ortiz said.")[0]).toMatchObject({ text: 'It is a new day', speaker: 'Dan Ortiz' });
});

test('split quote “A,” X said, “B.” is one quotation', () => {
  const qs = quotes('“We are ready,” Rep. Dan Cole said, “and we will not wait for the Senate.”');
  expect(qs).toHaveLength(1);
  expect(qs[0]).toMatchObject({ kind: 'direct', speaker: 'Dan Cole' });
  expect(qs[0].text.endsWith('wait for the Senate.')).toBe(true);
});

test('two quotations by two named speakers stay apart', () => {
  const qs = quotes('“This bill is a disaster,” Sen. Mark Udall said. “It will pass anyway,” replied Rep. Joan Fox.');
  expect(qs.map((q) => q.speaker)).toEqual(['Mark Udall', 'Joan Fox']);
});

test('multi-paragraph quotation: an opening mark per paragraph, one closing mark', () => {
  const qs = quotes('Secretary Omar Diaz spoke for ten minutes. “The first step is funding.\n\n“The second step is hiring more judges,” Diaz said.');
  expect(qs).toHaveLength(1);
  expect(qs[0].text).toBe('The first step is funding.\n\n“The second step is hiring more judges');
  expect(qs[0].speaker).toBe('Omar Diaz');
});

test('pronoun speaker resolves to the last person named; a surname to the full name', () => {
  expect(quotes('Border czar Tom Homan spoke at the briefing. “Every arrest is planned,” he said.')[0]).toMatchObject({ speaker: 'Tom Homan', speakerMention: 'he' });
  expect(quotes('Governor Maria Chen signed the order on Friday. “It protects families,” Chen said.')[0]).toMatchObject({ speaker: 'Maria Chen', speakerMention: 'Chen' });
});

test('partial quote inside the writer\'s sentence: the reported clause, kind partial', () => {
  const [q] = quotes('Senator Rhea Park called the plan “a good day for workers” in a statement.');
  expect(q).toMatchObject({ kind: 'partial', speaker: 'Rhea Park', cue: 'called' });
  expect(q.text).toContain('a good day for workers');
});

test('scare quotes are partial and never attributed by themselves', () => {
  const qs = quotes('The senator dismissed the “chaos” narrative and moved on to the budget.');
  expect(qs).toEqual([expect.objectContaining({ kind: 'partial', text: 'chaos', speaker: 'UNKNOWN', speakerType: 'unknown', cue: '' })]);
});

test('indirect speech: X said that …; …, X said; according to X, …; X told CNN …', () => {
  expect(quotes('Health Secretary Ivan Ross said that the clinics would reopen next week after the repairs.')[0]).toMatchObject({ kind: 'indirect', text: 'the clinics would reopen next week after the repairs', speaker: 'Ivan Ross', speakerRole: 'Health Secretary' });
  expect(quotes('The talks collapsed after the second round of votes, a union spokesman said.')[0]).toMatchObject({ kind: 'indirect', text: 'The talks collapsed after the second round of votes', speakerType: 'anonymous' });
  expect(quotes('According to two officials familiar with the talks, the deal includes new border funding.')[0]).toMatchObject({ kind: 'indirect', text: 'the deal includes new border funding', cue: 'According to', speakerType: 'anonymous' });
  expect(quotes('Rep. Lisa Grant told CNN that the vote would be delayed until March.')[0]).toMatchObject({ kind: 'indirect', text: 'the vote would be delayed until March', speaker: 'Lisa Grant' });
});

test('block quote after a colon cue, attributed to an outlet', () => {
  const text = 'The Post reported on Sunday:\n\nOfficials have been directed to raise the number of arrests to at least 1,500 a day.\n\nThe agency did not comment.';
  const [q] = quotes(text);
  expect(q).toMatchObject({ kind: 'block', speakerMention: 'The Post', speakerType: 'outlet', cue: 'reported' });
  expect(q.text).toBe('Officials have been directed to raise the number of arrests to at least 1,500 a day.');
});

test('organisations and anonymous sources are typed', () => {
  expect(quotes('The Department of Homeland Security announced that the program would end in June.')[0]).toMatchObject({ speaker: 'Department of Homeland Security', speakerType: 'organization' });
  expect(quotes('The quotas were set on Saturday, four people with knowledge of the briefings said.')[0]).toMatchObject({ speakerMention: 'four people with knowledge of the briefings', speakerType: 'anonymous' });
});

test('roles from appositions and titles', () => {
  expect(quotes('“Cruelty is the point,” says Douglas Rivlin, the spokesman for America’s Voice.')[0]).toMatchObject({ speaker: 'Douglas Rivlin', speakerRole: 'spokesman for America’s Voice' });
  expect(quotes('“When he told me ‘you are fired,’ I laughed,” the former aide, Kim Lee, said.')[0]).toMatchObject({ speaker: 'Kim Lee', speakerRole: 'former aide' });
  expect(quotes('White House press secretary Karoline Leavitt said in an email that, “your story is false.”')[0]).toMatchObject({ speaker: 'Karoline Leavitt', speakerRole: 'White House press secretary', speakerType: 'person' });
});

test('an opening mark that never closes does not swallow the rest of the article', () => {
  const text = '“This opening mark never closes, the critic wrote.\n\nThe second paragraph is the outlet speaking about chaos.';
  for (const q of quotes(text)) expect(q.text).not.toContain('second paragraph');
});

test('quotes are in text order with ids q1, q2, …', () => {
  const qs = quotes('“One thing,” Ana Ruiz said. “Another thing,” Paul Okafor said.');
  expect(qs.map((q) => q.id)).toEqual(['q1', 'q2']);
  expect(qs[0].start).toBeLessThan(qs[1].start);
});

// Shapes added with the 'fresh' articles of test/gold/quotes.jsonl (written after the fixes above, not used to tune).
test('anonymous "a source said" after the clause; "X said CLAUSE" without "that"; "X told The Post that …"', () => {
  const text = 'The plant will close in April, a source said. Workers were told on Friday.';
  const [q] = quotes(text);
  expect(q).toMatchObject({ kind: 'indirect', text: 'The plant will close in April', speakerMention: 'a source', mentionText: 'a source', speakerType: 'anonymous', cue: 'said' });
  expect([q.speakerStart, q.speakerEnd]).toEqual([31, 39]);
  expect(quotes('Mayor Victor Salas said the bridge would reopen by June. The council did not vote.')[0]).toMatchObject({ kind: 'indirect', text: 'the bridge would reopen by June', speaker: 'Victor Salas', speakerRole: 'Mayor', speakerType: 'person' });
  expect(quotes('Gov. Irene Walsh told The Post that the state had run out of shelter beds.')[0]).toMatchObject({ kind: 'indirect', text: 'the state had run out of shelter beds', speaker: 'Irene Walsh', speakerMention: 'Gov. Irene Walsh', speakerRole: 'Gov.', cue: 'told' });
});

test('pronoun in the next paragraph resolves to the person named before it', () => {
  const text = 'Sen. Alma Reyes left the chamber early.\n\n“I have said what I came to say,” she told reporters.';
  const [q] = quotes(text);
  expect(q).toMatchObject({ kind: 'direct', text: 'I have said what I came to say', speaker: 'Alma Reyes', speakerMention: 'she', mentionText: 'she', cue: 'told', speakerType: 'person' });
  expect(q.speakerStart).toBe(text.indexOf('she told'));
});

test('mixed opening curly / closing straight mark, speaker after the quote', () => {
  const text = '“The numbers do not add up," Treasurer Nadia Brooks said at a hearing.';
  const [q] = quotes(text);
  expect(q).toMatchObject({ kind: 'direct', text: 'The numbers do not add up', mentionText: 'Treasurer Nadia Brooks', speakerType: 'person', cue: 'said' });
  expect([q.speakerStart, q.speakerEnd]).toEqual([29, 51]);
});

// A title missing from the titles list of pipeline/cues.yml ("Treasurer") stays in the canonical name
// ("Treasurer Nadia Brooks", role ''), so the same person is counted under two names once a story also says
// "Nadia Brooks". Fix: add the title to pipeline/cues.yml (titles), not code.
test.failing('a title not in the lexicon (Treasurer) is split off as the role', () => {
  expect(quotes('“The numbers do not add up," Treasurer Nadia Brooks said at a hearing.')[0]).toMatchObject({ speaker: 'Nadia Brooks', speakerRole: 'Treasurer' });
});

test('indirect speech needs at least four words of content (a design threshold, pinned here)', () => {
  expect(quotes('Rep. Dan Cole said that taxes would rise.')).toEqual([]);
  expect(quotes('Rep. Dan Cole said that taxes would rise next year.')[0]).toMatchObject({ kind: 'indirect', text: 'taxes would rise next year', speaker: 'Dan Cole' });
});

// Colon cue without a speech verb ("X was direct: “…”"): framelens finds the quotation but leaves it unattributed
// (no cue, speaker UNKNOWN), so eval does not count it. The colon only attributes a block quote or follows a speech
// verb ("told reporters:"); a subject + colon + quotation in the same sentence is not attributed.
test.failing('colon cue without a verb: X was direct: “…” is attributed to X', () => {
  const [q] = quotes('Attorney General Ruth Mendez was direct: “We will appeal this ruling tomorrow.”');
  expect(q).toMatchObject({ kind: 'direct', text: 'We will appeal this ruling tomorrow.', speaker: 'Ruth Mendez', speakerRole: 'Attorney General' });
});

// "Critics call it a “loophole.”": a one-word quotation is treated as a scare quote and left unattributed, although
// the sentence has a cue (call) and a source (Critics); the same shape with a longer fragment ("called the plan
// “a good day for workers”") is attributed. Gold (test/gold/quotes.jsonl, fresh-call-partial-then-direct) counts it.
test.failing('one-word partial quote after a cue: Critics call it a “loophole.” is attributed to Critics', () => {
  const [q] = quotes('Critics call it a “loophole.” “It is legal and it is fair,” Rep. Owen Hart said.');
  expect(q).toMatchObject({ kind: 'partial', cue: 'call', speakerMention: 'Critics' });
});
