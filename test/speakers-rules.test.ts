/**
 * Speaker rules of the quote finder (src/quotes/speakers.ts, pipeline/quote-words.yml): who a pronoun or a role
 * phrase stands for, and what is never a speaker or a quotation. Each example is a made-up sentence of the kind the
 * rule is for; findQuotes must give the quotation the speaker written here.
 */
import { readText } from '../src/nlp/index.js';
import { findQuotes } from '../src/quotes/index.js';
import { loadQuoteSettings } from '../src/quotes/settings.js';

const settings = loadQuoteSettings();

/** The speaker and type of the quotation whose text includes `words`. */
function speakerOf(text: string, words: string): { speaker: string; type: string } | null {
  const q = findQuotes(readText(text), settings).find((x) => text.slice(x.start, x.end).includes(words));
  return q ? { speaker: q.speaker, type: q.speakerType } : null;
}

const RULES: { rule: string; text: string; words: string; speaker: string; type: string }[] = [
  // Pronouns: gender evidence.
  { rule: 'a first name shows gender', text: 'Sen. Susan Collins met Rep. Steve Scalise on Monday. Rep. Steve Scalise left early. “We need a deal on the budget,” she said.', words: 'We need a deal', speaker: 'Susan Collins', type: 'person' },
  { rule: 'an honorific shows gender', text: 'Ms. Ruiz arrived late on Monday. Mr. Hale spoke first. “It went well for all of us,” she said.', words: 'It went well', speaker: 'Ruiz', type: 'person' },
  { rule: "a person's earlier pronouns show gender", text: 'Quinn Ruiz said she would run. Pat Hale said he would not. “I am ready for this race,” she said.', words: 'I am ready', speaker: 'Quinn Ruiz', type: 'person' },
  { rule: 'a gendered role noun shows gender', text: 'Rep. Quinn Ruiz, the congresswoman from Ohio, met Rep. Pat Hale. Rep. Pat Hale left early with his aides. “We talked about the budget,” she said.', words: 'We talked', speaker: 'Quinn Ruiz', type: 'person' },
  // Pronouns: what an antecedent can never be.
  { rule: 'never a name inside the quotation itself', text: 'Mike Pence spoke in Ohio on Sunday. “Donald Trump will release his tax returns soon,” he said.', words: 'Donald Trump will', speaker: 'Mike Pence', type: 'person' },
  { rule: 'never the object of a whom-clause', text: 'The crowd at the rally for Michael Hale booed Donald Trump, whom he called “a dangerous demagogue who insults people.”', words: 'dangerous demagogue', speaker: 'Michael Hale', type: 'person' },
  { rule: 'a main clause subject before the subject of a clause it reports', text: 'Mike Pence met Donald Trump on Sunday. Pence said Trump will follow a different schedule. “The audit comes first for all of us,” he said.', words: 'The audit comes first', speaker: 'Mike Pence', type: 'person' },
  { rule: "a lone surname that is a clause's subject", text: 'Donald Trump picked Denver on Sunday. Carson defied the question. “Either team could win the game tonight,” he said.', words: 'Either team', speaker: 'Carson', type: 'person' },
  { rule: 'a name after a preposition whose surname is later a subject is a person', text: 'His case was compared to that of Sant Singh Chatwal, a hotelier. Chatwal pleaded guilty in 2014. “I regret what I did to them,” Chatwal said.', words: 'I regret', speaker: 'Sant Singh Chatwal', type: 'person' },
  { rule: 'names joined by "and" after a preposition are names', text: 'The prize went to Priya Patel and Sant Singh Chatwal. Chatwal thanked the jury. “I owe this to my family,” Chatwal said.', words: 'I owe this', speaker: 'Sant Singh Chatwal', type: 'person' },
  { rule: 'a name after a sentence-opening "According to" is a name', text: 'According to Sant Singh Chatwal, the deal was signed in May. Chatwal later denied it. “I never saw the papers,” Chatwal said.', words: 'I never saw', speaker: 'Sant Singh Chatwal', type: 'person' },
  // (A guard for the rule above: a capitalised phrase joined by "of" holds more than the name.)
  { rule: 'a name in a title joined by "of" is not taken whole', text: 'The emails were sent by Chief of Staff Dale Vrenna. Vrenna wrote back the same day. “Thanks for the great work on this,” Vrenna wrote.', words: 'Thanks for', speaker: 'Vrenna', type: 'person' },
  // (A guard for the rule above: a word the article writes as a place is not a surname.)
  { rule: 'a lone word written as a place is no surname', text: 'Ana Ruiz campaigned in Ohio on Monday. Ohio voted early. “We are ready for the vote,” she said.', words: 'We are ready', speaker: 'Ana Ruiz', type: 'person' },
  { rule: '"who" stands for the name before it', text: 'Cruz won an endorsement from Mike Lee, who declared, “It is time to unite the party.”', words: 'It is time', speaker: 'Mike Lee', type: 'person' },
  { rule: 'a name before a relative clause with commas of its own is the subject', text: 'Sandy Phillips, who lost her daughter Jessica Ghawi during the shooting in Aurora, Colorado, in July 2012, said that Sanders had treated her family badly.', words: 'treated her family', speaker: 'Sandy Phillips', type: 'person' },
  { rule: 'a pronoun goes to that subject, not to a name inside its relative clause', text: 'Sandy Phillips, who lost her daughter Jessica Ghawi during the shooting in Aurora, Colorado, in July 2012, said that the call went badly. “He was 15 minutes late to that call,” she said.', words: '15 minutes late', speaker: 'Sandy Phillips', type: 'person' },
  { rule: 'a lone name after a sentence opener is a subject', text: 'In her speech, Rhimes praised the students. Meanwhile Rihanna spoke about self-acceptance. “The minute you learn to love yourself, you stop comparing,” she said.', words: 'The minute you learn', speaker: 'Rihanna', type: 'person' },
  { rule: 'a lone name before a relative clause is a subject', text: 'In her speech, Rhimes praised the students. Rihanna, who was honored with the Rockstar award, spoke about self-acceptance. “The minute you learn to love yourself, you stop comparing,” she said.', words: 'The minute you learn', speaker: 'Rihanna', type: 'person' },
  { rule: 'a relative clause after an apposition: the name that opens the sentence', text: 'Paul Porter, a truck driver from Ava, Mo., who is a member of the Teamsters union, said he already received time and a half.', words: 'time and a half', speaker: 'Paul Porter', type: 'person' },
  // (A guard for the rule above: an opening adverb and its comma are no name.)
  { rule: 'an opening adverb before the name and its relative clause', text: 'Still, Michael Petrilli, who thinks the administration made a power grab, said the new law is “much, much better” than the old one.', words: 'much, much better', speaker: 'Michael Petrilli', type: 'person' },
  // (A guard for the relative-clause rules: a clause with a verb after a comma of its own still ends at the cue.)
  { rule: 'a "whose" clause with an apposition of its own', text: 'Scott Slinker, whose latest start-up, Paradata, uses big data to help brands, said the candidate was a start-up kind of guy.', words: 'start-up kind', speaker: 'Scott Slinker', type: 'person' },
  { rule: '"who" after a quotation is no person named before', text: 'Bernie Sanders spoke first. Hillary Clinton has proposed appointing a “chief trade prosecutor” who reports directly to the president.', words: 'chief trade', speaker: 'UNKNOWN', type: 'unknown' },
  { rule: '"who" after a common noun is an unnamed group', text: 'Barack Obama rebuked critics who say he should use the words “radical Islamic terrorism” more often.', words: 'radical Islamic', speaker: 'critics', type: 'anonymous' },
  { rule: '"I" outside a quotation is the writer, no one named', text: 'Bernie Sanders endorsed me last week. “It was only a joke, of course,” I wrote later.', words: 'It was only a joke', speaker: 'UNKNOWN', type: 'unknown' },
  // Role phrases.
  { rule: 'a role phrase to the person the article names with that role', text: 'Indiana Gov. Mike Pence signed the bill on Thursday. Reporters asked Hillary Clinton about it. “It is a good law for Indiana,” the governor said.', words: 'It is a good law', speaker: 'Mike Pence', type: 'person' },
  { rule: 'a role phrase with a state to the one person with the role', text: 'Sen. Bernie Sanders spoke in Iowa. Hillary Clinton answered him. “We will win this state,” the Vermont senator said.', words: 'We will win', speaker: 'Bernie Sanders', type: 'person' },
  // (A guard: this one held before the rule above, which must not name someone when the article names no one.)
  { rule: 'a role phrase with no one named stays an unnamed role', text: 'Voters went to the polls on Tuesday. “Turnout was high all day,” the governor said.', words: 'Turnout was high', speaker: 'governor', type: 'anonymous' },
  // (A guard for the role rule above: a description that opens the next clause does not name the person before it.)
  { rule: 'a role phrase opening the next clause is no apposition of the name before it', text: 'In an interview with Joe Scarborough and Mika Brzezinski, the Democratic presidential candidate stated that Trump’s comments were “divisive and mean-spirited.”', words: 'divisive', speaker: 'Democratic presidential candidate', type: 'anonymous' },
  // The subject of a long sentence.
  { rule: 'a dateline is not the subject', text: 'WASHINGTON (AP) — Sen. Ana Ruiz has taken a swipe at her rival’s stance on Brexit, saying that “loud comments” do more harm than good.', words: 'loud comments', speaker: 'Ana Ruiz', type: 'person' },
  { rule: 'a dateline with a date is not the subject', text: 'DENVER, Dec. 8 (UPI) — Pat Hale rallied supporters on Monday, saying: “We have to be ready to stop him.”', words: 'We have to be ready', speaker: 'Pat Hale', type: 'person' },
  { rule: 'a time adjunct after the subject', text: 'Pat Hale on Thursday stepped up his attacks on Ruiz, saying she is “weak on crime, you know that.”', words: 'weak on crime', speaker: 'Pat Hale', type: 'person' },
  { rule: 'an adverb before a participle that shares the subject', text: 'Mr. Hale tries to turn the interruptions to his advantage, alternately shouting “Get them out of here” at the crowd.', words: 'Get them out', speaker: 'Hale', type: 'person' },
  { rule: 'a subject before a long apposition', text: 'Tom Reyes, a North Carolina businessman who had been a member of the campaign’s three-man board before departing last month because of strategic differences, said the candidate had been led astray by “insiders” running his campaign.', words: 'insiders', speaker: 'Tom Reyes', type: 'person' },
  { rule: 'a name before two appositions is the subject', text: 'Pat Hale, the Republican attorney general of Ohio, one of the states suing the agency, said the rule was “an unlawful power grab.”', words: 'unlawful power grab', speaker: 'Pat Hale', type: 'person' },
  // (A guard for the longer reach the rule above needs: where the reach ends is no sentence start.)
  { rule: 'no subject where the reach of a long sentence ends', text: 'Roy M. Neel, who managed Al Gore’s 1992 presidential campaign, said in an oral history of the Bill Clinton years that women in the South particularly disliked Mrs. Clinton, the first working mother to serve as first lady and the first to have an office in the West Wing, because she “appeared to be something of an affront to their sense of who they were.”', words: 'an affront', speaker: 'Roy M. Neel', type: 'person' },
  { rule: 'a name with its own verb inside an insertion is not the subject', text: 'Marco Ruiz, whose hometown, Miami, is projected to be underwater within decades as the sea level rises, argues that the plan will “destroy our economy.”', words: 'destroy our economy', speaker: 'Marco Ruiz', type: 'person' },
  { rule: 'a name quoted alone (a slogan) does not complete a surname', text: 'Donald Hale spoke in Ohio on Monday. A man in the crowd wore a shirt that read “Fascist Hale.” “We will win this state by a lot,” Mr. Hale said.', words: 'We will win', speaker: 'Donald Hale', type: 'person' },
  { rule: 'a cue in an opening subordinate clause does not report the main clause', text: 'When Hale suggested that Cuba would sue the country for reneging on the deal, Ruiz fired back forcefully: “If they sue us in a court in Miami, they are going to lose.”', words: 'If they sue us', speaker: 'Ruiz', type: 'person' },
  { rule: 'a name after a subordinator, before a long insertion, is the subject', text: 'The feud started last week when Mrs. Ruiz, in response to a crude reference to her loss in the 2008 primary, accused him of having a “penchant for sexism.”', words: 'penchant for sexism', speaker: 'Ruiz', type: 'person' },
  { rule: 'an honorific picks the full name of its gender', text: 'Bill Ruiz and Hillary Ruiz spoke in Ohio. Mr. Ruiz left early. “We have work to do in this state,” Mrs. Ruiz said.', words: 'We have work', speaker: 'Hillary Ruiz', type: 'person' },
  { rule: 'a name after "he said" is its object, not a subject', text: 'Donald Hale met Paul Ruiz on Monday. Asked who leads the party, he said Ruiz. “I would say Paul for the time being,” he said.', words: 'I would say Paul', speaker: 'Donald Hale', type: 'person' },
  { rule: 'a verb opening a parenthesis is no first name', text: 'The writer Jared Sexton went to the rally. (See Sexton’s full timeline below.) “It was like a collegial gathering,” Sexton said.', words: 'collegial', speaker: 'Jared Sexton', type: 'person' },
  { rule: 'a title word that is a surname ends a name', text: 'A spokeswoman, Anna Richardson White, spoke on Saturday. “People turn to us to check on loved ones,” Ms. White said.', words: 'People turn', speaker: 'Anna Richardson White', type: 'person' },
  { rule: 'a surname is completed by a name ending in a generational suffix', text: 'Vice President Joseph R. Biden Jr. spoke in Scranton on Monday. “This guy has no shame at all,” Mr. Biden said.', words: 'no shame', speaker: 'Joseph R. Biden Jr.', type: 'person' },
  // Pronouns: who the sentences are about.
  { rule: 'a name after a comparison ("Like X,") is not the antecedent', text: 'Jake Hale and Anna Ruiz run the newsletter now. Hale, in particular, keeps his eyes on his phone. Like Mike Allen, their days begin at dawn. “We like to work,” he told me.', words: 'We like to work', speaker: 'Jake Hale', type: 'person' },
  { rule: 'a name after a reporting verb and a title is a subject', text: 'Experts like Peter Hale or Tom Kamp want more. Germany should spend more, said Mr. Hale, a member of the party. Despite the plan, he noted, spending will fall to 1 percent.', words: 'spending will fall', speaker: 'Peter Hale', type: 'person' },
  { rule: 'a possessor after "that" is in a subordinate clause', text: 'Ben Carson turned the story back on the paper, pointing out that the paper’s Robert Costa had reported in June that the campaign was coming apart. “Apparently not, and that is a shame,” he said.', words: 'Apparently not', speaker: 'Ben Carson', type: 'person' },
  { rule: 'a possessor that opens a sentence is what the sentence is about', text: 'Rep. Tom Hale said Bernie Sanders could win Texas. Sanders’s role is under discussion, but he has said that his first priority is the party platform.', words: 'first priority', speaker: 'Bernie Sanders', type: 'person' },
  { rule: 'the subject of a clause someone reports is not the pronoun\'s antecedent: the reporter is', text: 'Mr. Tom Hale said on Monday that the early willingness of voters to back Obama threw old assumptions into doubt. “I do sense that people are aware of it,” he said.', words: 'I do sense', speaker: 'Tom Hale', type: 'person' },
  { rule: 'a subject may stand before two appositions', text: 'Tinder banned Robyn Gedrich last week. Jillian Chase, 27, a Tinder user in New York, said the election would come up. “I generally refrain from political talk with strangers,” she said.', words: 'I generally refrain', speaker: 'Jillian Chase', type: 'person' },
  { rule: 'a name with its employer and place before a reporting verb is a person, and the object of a verb before it is not a subject', text: 'Senator Ted Cruz spoke at the church on Sunday. One pastor supporting Mr. Cruz, Darran Whiting of Liberty Baptist Church in Marion, said he had made 150 calls. “Find your polling place and get there,” he tells parishioners.', words: 'Find your polling', speaker: 'Darran Whiting', type: 'person' },
  { rule: 'a name after a verb and a title is its object, not a subject', text: 'Mr. Tom Hale spoke on Monday. Voters supporting Mr. Cruz, the senator from Texas, said they were ready. “We will win this state in the fall,” he said.', words: 'We will win', speaker: 'Tom Hale', type: 'person' },
  // (A guard for the rule above: the "of" inside a title does not govern the name.)
  { rule: 'a name after a title with "of" in it is a subject', text: 'Mr. Peter Hoekstra said the swap was a mistake. Secretary of State John Kerry said the prisoners were close to release. “We gave up people who were about to get out anyway,” he told Fox News.', words: 'We gave up', speaker: 'John Kerry', type: 'person' },
  { rule: 'a known first name written alone is the one full name that opens with it', text: 'As for James Murdoch, his leanings are plain. James has spearheaded initiatives on climate. “Entrenched interests spin the fiction that science is divided,” James wrote.', words: 'Entrenched interests', speaker: 'James Murdoch', type: 'person' },
  // (A guard for the rule above: two such full names leave the first name alone.)
  { rule: 'a first name shared by two full names stays as written', text: 'James Murdoch and James Harding met on Monday. James has spearheaded initiatives on climate. “Entrenched interests spin the fiction that science is divided,” James wrote.', words: 'Entrenched interests', speaker: 'James', type: 'person' },
  { rule: 'a plural whose singular the article writes is a group, not a person', text: 'Mr. Putin spoke for three hours to ordinary Russians. Russians worry about prices. The Russian economy shrank. That is cause for celebration, he said, because people live longer.', words: 'cause for celebration', speaker: 'Putin', type: 'person' },
  { rule: 'a subordinate subject stands in for a main clause without a person', text: 'Ms. Lee Epstein studied the court for years. Should they rebuff any nominee, there is also the possibility that Mrs. Clinton might nominate Mr. Obama himself. “Wow, what a great idea,” she said.', words: 'what a great idea', speaker: 'Clinton', type: 'person' },
  // (A guard for the rule above: not the subject of the pronoun's own opening clause.)
  { rule: "a subordinate subject opening the pronoun's own clause is someone else", text: 'Mr. Jim Bennett supported Bernie Sanders in the primary. If Mr. Trump wins the nomination, he said he would vote for Sanders anyway.', words: 'vote for Sanders', speaker: 'Jim Bennett', type: 'person' },
  { rule: 'a hyphenated first name is part of the name', text: 'Experts like Hans-Peter Bartels want more. Germany should spend more, Bartels said.', words: 'Germany should', speaker: 'Hans-Peter Bartels', type: 'person' },
  { rule: 'a name before an opening quotation mark, or after a quoted verb, is an object', text: 'Glenn Hale, who once called Donald Trump “a narcissist,” wanted the crowd to “recognize” Trump in that passage. He has called Ted Cruz “the next George Washington” in his speeches.', words: 'the next George Washington', speaker: 'Glenn Hale', type: 'person' },
  { rule: 'a name in commas after a role noun with a name of its own speaks', text: 'The director of the European Centre, Ina Kirsch, told the AP her group never worked with the lobbyists.', words: 'her group never worked', speaker: 'Ina Kirsch', type: 'person' },
  // Documents and their authors.
  { rule: 'according to a document by someone: the author', text: 'Ruiz now has at least 723 delegates, according to a count by The Associated Press.', words: 'at least 723', speaker: 'Associated Press', type: 'outlet' },
  { rule: 'a document conducted by someone for someone else: who conducted it', text: 'Most voters made up their minds in the last week, according to exit polls conducted by Edison Research for the networks.', words: 'Most voters', speaker: 'Edison Research', type: 'organization' },
  { rule: 'a document conducted for someone by someone else: who conducted it', text: 'Most voters made up their minds in the last week, according to exit polls conducted for The Associated Press and the networks by Edison Research.', words: 'Most voters', speaker: 'Edison Research', type: 'organization' },
  // (A guard for the rule above: with no name after the participle, the name before the document is its author.)
  { rule: 'a named document released by someone unnamed: the name before it', text: 'The program cost twice as much as planned, according to an NBC report released by the governor’s office on Monday.', words: 'The program cost', speaker: 'NBC', type: 'outlet' },
  { rule: "according to a document with its author's name before it: the author", text: 'Rick Hale also continued to deliver paid speeches, according to an NBC report at the time.', words: 'paid speeches', speaker: 'NBC', type: 'outlet' },
  { rule: 'a document written by someone speaks for its author', text: 'The charge is explained in an affidavit written by Dana Whitfield, a detective with the city police. “The bruises appeared to be finger marks,” the affidavit said.', words: 'finger marks', speaker: 'Dana Whitfield', type: 'person' },
  { rule: 'a document of the same kind filed by someone speaks for its author', text: 'A lawsuit has been filed by Carla Mendes against the city. “The city ignored every warning it was given,” the suit says.', words: 'ignored every warning', speaker: 'Carla Mendes', type: 'person' },
  { rule: "a person's document speaks for that person", text: 'Carla Mendes spoke on Monday. Mendes’s lawsuit asks for damages. “The city ignored every warning it was given,” the suit says.', words: 'ignored every warning', speaker: 'Carla Mendes', type: 'person' },
  { rule: 'a document someone releases speaks for them', text: 'Senator Ruth Alvarez is releasing a new 30-second ad in Ohio. The ad says “nothing will change until we vote for it.”', words: 'nothing will change', speaker: 'Ruth Alvarez', type: 'person' },
  { rule: 'a document filed by an organisation speaks for it, named without its article', text: 'A complaint was filed by The American Civil Liberties Union on Monday. “The permit broke the law twice,” the complaint says.', words: 'The permit broke', speaker: 'American Civil Liberties Union', type: 'organization' },
  // (A guard for the rules above: a person named with the document who did not write, file or release it is not its author.)
  { rule: 'a document whose author is not named stays unknown', text: 'Mayor Ana Ruiz mocked the new lawsuit on Monday. “The city ignored every warning it was given,” the suit says.', words: 'ignored every warning', speaker: 'UNKNOWN', type: 'unknown' },
  { rule: 'a description no one was named with stands for the main subject just before it', text: 'Donald Hale is telling supporters after his victory that winning is beautiful. The billionaire businessman says running for president is “tough, nasty and mean.”', words: 'tough, nasty', speaker: 'Donald Hale', type: 'person' },
  { rule: 'a description\'s head is the noun before its preposition', text: 'Donald Hale invited Russia to find the missing emails. The Republican presidential nominee for the Nov. 8 election later said he was being “sarcastic” in his comments.', words: 'he was being', speaker: 'Donald Hale', type: 'person' },
  { rule: 'a description by occupation stands for the subject just before it (referring_roles)', text: 'Tim Hale has inserted partisan lines into the script. Discussing the show, the actor explained that the jokes “are just for fun and nothing more.”', words: 'the jokes', speaker: 'Tim Hale', type: 'person' },
  { rule: 'a description reaches back past sentences inside a quotation', text: 'In the spring, Hillary Hale proclaimed at a press conference, “I did not email any classified material. There is no classified material at all.” The presidential candidate reiterated that she “did not send classified material.”', words: 'did not send', speaker: 'Hillary Hale', type: 'person' },
  { rule: 'a description stands for the person a subject pronoun just before it stands for', text: 'Ms. Susan Sarandon spoke to MSNBC on Monday. The interview ran for an hour on the network. She laughed when the interviewer expressed shock. The actress said she was tired of the status quo and wanted a new candidate.', words: 'tired of the status quo', speaker: 'Susan Sarandon', type: 'person' },
  // (A guard for the rule above: an office is not given to a person named with another office.)
  { rule: 'a description of an office is not a person named with another office', text: 'F.B.I. Director James Ruiz testified on Monday. The judge said the case was “closed for good.”', words: 'closed for good', speaker: 'judge', type: 'anonymous' },
  // Descriptions of organisations.
  { rule: 'a lowercase description of a body is the body named before with those words', text: 'The nonpartisan Congressional Budget Office reported on Tuesday that deficits would grow. The budget office now says the reckoning will arrive sooner than expected.', words: 'the reckoning', speaker: 'Congressional Budget Office', type: 'organization' },
  { rule: 'a description by its head word is the body named with it and a name after "of"', text: 'The Federal Bureau of Investigation opened a case in May. The bureau said the case would stay open for a long time.', words: 'the case would stay', speaker: 'Federal Bureau of Investigation', type: 'organization' },
  // (A guard for the rules above: a name in a headline's capitals, or a capitalised head word alone, names no body.)
  { rule: 'a body is not the one named before when another description of its kind comes between', text: 'One of them, UnitedHealth Group, has threatened to leave. Just this week, the trade group for the Blue Cross plans spelled out its concerns. “The current risk pool is out of balance,” the group wrote.', words: 'risk pool', speaker: 'group', type: 'organization' },
  { rule: 'a body is not named by a headline or by its head word alone', text: 'Network Disputes Claims Of Rival Network\n\nThe Network had aired the report on Monday. The network said the report would stay online for a long time.', words: 'the report would stay', speaker: 'network', type: 'organization' },
  // Names that hold an outlet or organisation word.
  { rule: 'a person title before a name makes it a person, though its last word names an outlet', text: 'Mayor Don Guardian spoke on Monday. Trump was a private citizen then. “It is hard to measure,” the mayor said.', words: 'hard to measure', speaker: 'Don Guardian', type: 'person' },
  { rule: "a lone word that ends a named person's name is that person, though it names an outlet", text: 'Mayor Don Guardian spoke on Monday. “We made bad mistakes with the casinos,” Guardian said.', words: 'bad mistakes', speaker: 'Don Guardian', type: 'person' },
  // (A guard: a party word is no person title.)
  { rule: 'a party before an organisation word is no person title', text: 'Marco Rubio spoke on Monday. He said he would back whoever the Republican Party nominates. “I am not interested in the job,” he said.', words: 'not interested', speaker: 'Marco Rubio', type: 'person' },
  // Never speakers.
  { rule: 'a quantified plural group is unnamed', text: '“The plan is dead on arrival,” many local GOP officials said.', words: 'The plan is dead', speaker: 'many local GOP officials', type: 'anonymous' },
  { rule: 'a quantified group of capitalised plurals is unnamed', text: 'Both Democrats and Republicans have argued that we need to reform the tax system soon.', words: 'reform the tax', speaker: 'both Democrats and Republicans', type: 'anonymous' },
  { rule: 'a state tag is no speaker', text: 'The vote was close. “We will vote no on this bill,” said N.Y. on Monday.', words: 'We will vote no', speaker: 'UNKNOWN', type: 'unknown' },
  { rule: 'initials after "the" are an organisation', text: '“We are reviewing the material closely,” the F.B.I. said in a statement.', words: 'We are reviewing', speaker: 'F.B.I.', type: 'organization' },
];

describe('speaker rules', () => {
  test.each(RULES)('$rule', ({ text, words, speaker, type }) => {
    expect(speakerOf(text, words)).toEqual({ speaker, type });
  });
});

describe('what is not a quotation', () => {
  test("an editor's notice holds no quotation", () => {
    const text = 'Ruiz spoke on Monday.\n\nCORRECTION: An earlier version of this article misstated what Ms. Ruiz said. She called the plan “far too costly for the state and its towns.”';
    expect(findQuotes(readText(text), settings).filter((q) => q.start > text.indexOf('CORRECTION'))).toEqual([]);
  });
});
