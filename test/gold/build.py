#!/usr/bin/env python3
"""Builds test/gold/quotes.jsonl: short articles written by the framelens team, hand-annotated with who said what.
Each attribution is written as (source, cue, content) substrings (with an occurrence index when a string repeats);
this script turns them into PolNeAR-form spans and checks text.slice(start, end) == the annotated text.
Run: python3 test/gold/build.py  (the JSONL is committed; rerun after editing ARTICLES)."""
import json, os

def find(text, s, nth=0):
    at = -1
    for _ in range(nth + 1):
        at = text.index(s, at + 1)
    return [at, at + len(s)]

# (doc_id, publisher, text, [(source, cue, content, kind)])   kind is documentation only (not in PolNeAR)
ARTICLES = [
 ('direct-curly-after', 'gold', '“We will finish the wall,” Gov. Ana Ruiz said on Monday.',
  [('Gov. Ana Ruiz', 'said', 'We will finish the wall', 'direct')]),
 ('direct-straight-inverted', 'gold', '"The budget is broken," said Sen. Paul Okafor, a Democrat from Ohio.',
  [('Sen. Paul Okafor', 'said', 'The budget is broken', 'direct')]),
 ('direct-before-colon', 'gold', 'The mayor was blunt. Mayor Lena Holt told reporters: “Nobody is above the law here.”',
  [('Mayor Lena Holt', 'told', 'Nobody is above the law here.', 'direct')]),
 ('split-quote', 'gold', '“We are ready,” Rep. Dan Cole said, “and we will not wait for the Senate.”',
  [('Rep. Dan Cole', 'said', 'We are ready,” Rep. Dan Cole said, “and we will not wait for the Senate.', 'direct')]),
 ('pronoun-he', 'gold', 'Border czar Tom Homan spoke at the briefing. “Every arrest is planned,” he said.',
  [('he', 'said', 'Every arrest is planned', 'direct')]),
 ('surname-later', 'gold', 'Governor Maria Chen signed the order on Friday. “It protects families,” Chen said.',
  [('Chen', 'said', 'It protects families', 'direct')]),
 ('multi-paragraph', 'gold', 'Secretary Omar Diaz spoke for ten minutes. “The first step is funding.\n\n“The second step is hiring more judges,” Diaz said.',
  [('Diaz', 'said', 'The first step is funding.\n\n“The second step is hiring more judges', 'direct')]),
 ('partial', 'gold', 'Senator Rhea Park called the plan “a good day for workers” in a statement.',
  [('Senator Rhea Park', 'called', 'the plan “a good day for workers', 'partial')]),
 ('indirect-that', 'gold', 'Health Secretary Ivan Ross said that the clinics would reopen next week after the repairs.',
  [('Health Secretary Ivan Ross', 'said', 'the clinics would reopen next week after the repairs', 'indirect')]),
 ('indirect-after', 'gold', 'The talks collapsed after the second round of votes, a union spokesman said.',
  [('a union spokesman', 'said', 'The talks collapsed after the second round of votes', 'indirect')]),
 ('according-to', 'gold', 'According to two officials familiar with the talks, the deal includes new border funding.',
  [('two officials familiar with the talks', 'According to', 'the deal includes new border funding', 'indirect')]),
 ('told-cnn', 'gold', 'Rep. Lisa Grant told CNN that the vote would be delayed until March.',
  [('Rep. Lisa Grant', 'told', 'the vote would be delayed until March', 'indirect')]),
 ('block', 'gold', 'The Post reported on Sunday:\n\nOfficials have been directed to raise the number of arrests to at least 1,500 a day, according to people briefed on the plan.\n\nThe agency did not comment.',
  [('The Post', 'reported', 'Officials have been directed to raise the number of arrests to at least 1,500 a day, according to people briefed on the plan.', 'block')]),
 ('organization', 'gold', 'The Department of Homeland Security announced that the program would end in June.',
  [('The Department of Homeland Security', 'announced', 'the program would end in June', 'indirect')]),
 ('apposition-role', 'gold', '“Cruelty is the point,” says Douglas Rivlin, the spokesman for America’s Voice.',
  [('Douglas Rivlin', 'says', 'Cruelty is the point', 'direct')]),
 ('title-role', 'gold', 'White House press secretary Karoline Leavitt said in an email that “your story is false.”',
  [('White House press secretary Karoline Leavitt', 'said', '“your story is false.', 'partial')]),
 ('anonymous', 'gold', 'The quotas were set on Saturday, four people with knowledge of the briefings said.',
  [('four people with knowledge of the briefings', 'said', 'The quotas were set on Saturday', 'indirect')]),
 ('scare-quotes', 'gold', 'The senator dismissed the “chaos” narrative and moved on to the budget.', []),
 ('two-speakers', 'gold', '“This bill is a disaster,” Sen. Mark Udall said. “It will pass anyway,” replied Rep. Joan Fox.',
  [('Sen. Mark Udall', 'said', 'This bill is a disaster', 'direct'), ('Rep. Joan Fox', 'replied', 'It will pass anyway', 'direct')]),
 ('nested', 'gold', '“When he told me ‘you are fired,’ I laughed,” the former aide, Kim Lee, said.',
  [('Kim Lee', 'said', 'When he told me ‘you are fired,’ I laughed', 'direct')]),
 ('unbalanced', 'gold', '“This opening mark never closes, the critic wrote.\n\nThe second paragraph is the outlet speaking about chaos.',
  [('the critic', 'wrote', 'This opening mark never closes', 'indirect')]),
 ('she-after-two', 'gold', 'Judge Ellen Marsh and lawyer Sam Pike met on Tuesday. Marsh said the case would move forward. “We are done waiting,” she said.',
  [('Marsh', 'said', 'the case would move forward', 'indirect'), ('she', 'said', 'We are done waiting', 'direct')]),
# Written after the shapes above were fixed and NOT used to tune src/quotes: a fresh check (publisher 'fresh').
 ('fresh-source-said', 'fresh', 'The plant will close in April, a source said. Workers were told on Friday.',
  [('a source', 'said', 'The plant will close in April', 'indirect')]),
 ('fresh-mixed-marks', 'fresh', '“The numbers do not add up," Treasurer Nadia Brooks said at a hearing.',
  [('Treasurer Nadia Brooks', 'said', 'The numbers do not add up', 'direct')]),
 ('fresh-said-no-that', 'fresh', 'Mayor Victor Salas said the bridge would reopen by June. The council did not vote.',
  [('Mayor Victor Salas', 'said', 'the bridge would reopen by June', 'indirect')]),
 ('fresh-told-post', 'fresh', 'Gov. Irene Walsh told The Post that the state had run out of shelter beds.',
  [('Gov. Irene Walsh', 'told', 'the state had run out of shelter beds', 'indirect')]),
 ('fresh-colon-direct', 'fresh', 'Attorney General Ruth Mendez was direct: “We will appeal this ruling tomorrow.”',
  [('Attorney General Ruth Mendez', ':', 'We will appeal this ruling tomorrow.', 'direct')]),
 ('fresh-split-discontinuous', 'fresh', '“The schools are safe,” Superintendent Carl Ng said, “but the buses are late.”',
  [('Superintendent Carl Ng', 'said', ('The schools are safe,', 'but the buses are late.'), 'direct')]),
 ('fresh-pronoun-paragraph', 'fresh', 'Sen. Alma Reyes left the chamber early.\n\n“I have said what I came to say,” she told reporters.',
  [('she', 'told', 'I have said what I came to say', 'direct')]),
 ('fresh-call-partial-then-direct', 'fresh', 'Critics call it a “loophole.” “It is legal and it is fair,” Rep. Owen Hart said.',
  [('Critics', 'call', 'it a “loophole.', 'partial'), ('Rep. Owen Hart', 'said', 'It is legal and it is fair', 'direct')]),
]

out = []
for doc_id, pub, text, atts in ARTICLES:
    attributions = []
    for i, (src, cue, content, kind) in enumerate(atts):
        parts = content if isinstance(content, tuple) else (content,)
        cspans = [find(text, c) for c in parts]
        cs = [cspans[0][0], cspans[-1][1]]
        ss = find(text, src) if src != 'he' and src != 'she' else find(text, ' ' + src + ' ' + cue)
        if src in ('he', 'she'):
            ss = [ss[0] + 1, ss[0] + 1 + len(src)]
        # the cue nearest to the content
        cands = []
        at = -1
        while True:
            at = text.find(cue, at + 1)
            if at < 0: break
            cands.append(at)
        cue_at = min(cands, key=lambda a: min(abs(a - cs[0]), abs(a - cs[1])))
        for (a, b), t in [(ss, src)] + list(zip(cspans, parts)):
            assert text[a:b] == t, (doc_id, t)
        attributions.append({'id': f'E{i+1}', 'type': 'Attribution', 'kind': kind,
                             'source': {'spans': [ss], 'text': text[ss[0]:ss[1]]},
                             'cue': {'spans': [[cue_at, cue_at + len(cue)]], 'text': cue},
                             'content': {'spans': cspans, 'text': ' '.join(text[a:b] for a, b in cspans)}})
    out.append({'doc_id': doc_id, 'publisher': pub, 'text': text, 'attributions': attributions})
path = os.path.join(os.path.dirname(__file__), 'quotes.jsonl')
with open(path, 'w', encoding='utf-8') as f:
    for r in out: f.write(json.dumps(r, ensure_ascii=False) + '\n')
print(f'{len(out)} articles, {sum(len(r["attributions"]) for r in out)} attributions -> {path}')
