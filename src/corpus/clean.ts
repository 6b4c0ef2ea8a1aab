/**
 * Boilerplate masking for real scraped texts. Masking replaces characters with spaces (same length), so offsets into
 * the article text never move: the analysis reads the masked copy, outputs slice the original.
 * What is masked (documented in the codebook):
 *  - an inline date marker at the very start (` date 2025-01-27 `), whose date becomes the article's date if it has none;
 *  - trailing site furniture on its own line or glued to the end: `MORE STORIES`, `Read the rest here.`, `Advertisement`;
 *  - link lines starting `RELATED:` / `READ MORE:` / `SEE ALSO:`.
 */

const LEADING_DATE = /^\s*date\s+(\d{4}-\d{2}-\d{2})\s/i;
const LINK_LINE = /^[ \t]*(?:RELATED|READ MORE|SEE ALSO|WATCH)\s*:[^\n]*$/gm;
const TRAILING = /(?:MORE STORIES|Read the rest here\.?|Advertisement)\s*$/;

export interface Cleaned {
  /** Same length as the input; boilerplate replaced by spaces. */
  masked: string;
  /** Date found in an inline marker, '' if none. */
  date: string;
}

function blank(s: string): string {
  return s.replace(/[^\n\r]/g, ' ');
}

export function maskBoilerplate(text: string): Cleaned {
  let masked = text;
  let date = '';
  const lead = LEADING_DATE.exec(masked);
  if (lead) {
    date = lead[1];
    masked = blank(lead[0]) + masked.slice(lead[0].length);
  }
  masked = masked.replace(LINK_LINE, (m) => blank(m));
  // Trailing furniture may repeat ("Advertisement\nMORE STORIES"): strip until nothing more matches.
  for (let guard = 0; guard < 5; guard++) {
    const tailStart = Math.max(0, masked.length - 200);
    const tail = TRAILING.exec(masked.slice(tailStart));
    if (!tail) break;
    const from = tailStart + tail.index;
    masked = masked.slice(0, from) + blank(masked.slice(from));
  }
  return { masked, date };
}
