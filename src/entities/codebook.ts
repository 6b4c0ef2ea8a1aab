/**
 * Codebook text for the entity columns, for src/export/codebook.ts to include where entities.csv and speaker_id are
 * written (docs/speakers.md has the rules in full).
 */

/** One line per file, as in the codebook's file list. */
export const ENTITY_FILE_DESCRIPTION = 'One row per speaker (one person, organisation or outlet) across the whole corpus.';

/** The speaker_id column, wherever it appears (quotes.csv, frame_hits.csv, speakers_by_outlet.csv, entities.csv). */
export const SPEAKER_ID_DESCRIPTION =
  'Speaker identifier across the whole corpus: `s_` and 10 hex digits of the SHA-256 of the speaker\'s class (person or organisation) and canonical name (a suffix `_2`, `_3`, … in the rare case two speakers share a canonical name). The same for every article, shard and worker count of a corpus; it changes only when the speaker\'s canonical name changes. Empty for anonymous and unknown speakers and for descriptions the article does not resolve to a name (such as "the company" where no company is named just before), which name different bodies in different articles. Group by speaker_id, not by speaker, to compare speakers across outlets.';

export const ENTITY_COLUMN_DESCRIPTIONS: Record<string, string> = {
  speaker_id: SPEAKER_ID_DESCRIPTION,
  speaker:
    'Canonical name: an alias file\'s speaker if one applies, else the most quoted full (first and last) name among the variants, titles removed ("Donald Trump"); ties go to the shorter, then the first in code-point order. For a surname no single person takes ("Bush" in a corpus quoting Jeb and George W. Bush), the surname itself.',
  speaker_type: '`person`, `organization` or `outlet` (an organisation\'s type is the one most of its quotes have).',
  variants:
    'The names merged into this speaker as the quote finder wrote them, each followed by its number of quotes in parentheses, separated by `; `, most quoted first, then in code-point order: `Donald Trump (658); Donald J. Trump (64); Trump (53)`. Names never contain `;`, so the cell splits on `; ` and each part on its last ` (`.',
  quotes: 'Quotations attributed to this speaker (rows of quotes.csv with this speaker_id).',
  articles: 'Distinct articles with at least one of those quotations.',
  outlets: 'Distinct outlets with at least one of those quotations.',
};
