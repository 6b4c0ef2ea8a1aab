/**
 * Event assignment, the one path used by `run`, `merge` and the tests: the table `article_events` (seq, event) from
 * the record tables, joined by every table that has an event column.
 *  - metadata: the article's own event, or UNASSIGNED;
 *  - none: one event, ALL_EVENTS;
 *  - auto: DuckDB counts the terms' document frequencies and sorts the articles into visiting order (date, undated
 *    last, then id, then seq); the grouping (src/events/grouping.ts) reads them once, holding only its open groups,
 *    and its closed groups go back into a table where SQL names them ("label", "label #2", … by first member's id).
 *  - the default (null): metadata where every article has an event, else auto.
 */
import { ALL_EVENTS, Grouping, TermStats, UNASSIGNED, type EventMode } from '../events/grouping.js';
import { sqlString, type Engine } from './database.js';

/** Whether some article has no event of its own (the default mode is then auto). */
export async function eventsMissing(db: Engine): Promise<boolean> {
  return Number(await db.scalar(`SELECT count(*)::INTEGER FROM records.articles WHERE event = ''`)) > 0;
}

export async function assignEvents(db: Engine, requested: EventMode | null): Promise<EventMode> {
  const mode = requested ?? ((await eventsMissing(db)) ? 'auto' : 'metadata');
  await db.run('DROP TABLE IF EXISTS article_events');
  if (mode === 'metadata') {
    await db.run(`CREATE TABLE article_events AS SELECT seq, CASE WHEN event = '' THEN ${sqlString(UNASSIGNED)} ELSE event END AS event FROM records.articles`);
  } else if (mode === 'none') {
    await db.run(`CREATE TABLE article_events AS SELECT seq, ${sqlString(ALL_EVENTS)} AS event FROM records.articles`);
  } else {
    await autoEvents(db);
  }
  return mode;
}

async function autoEvents(db: Engine): Promise<void> {
  // Terms numbered with their document frequencies; articles numbered in visiting order.
  await db.run(`CREATE OR REPLACE TABLE work.term_ids AS SELECT term, (row_number() OVER (ORDER BY term) - 1)::INTEGER AS id, count(*)::INTEGER AS df FROM records.terms GROUP BY term`);
  await db.run(`CREATE OR REPLACE TABLE work.visit AS SELECT seq, id, date, title, row_number() OVER (ORDER BY date = '', date, id, seq)::INTEGER AS ord FROM records.articles`);
  const stats = new TermStats();
  // The vocabulary in one row (a row per term costs more to hand over than the words): terms hold no line feeds.
  const [words, dfs] = (await db.all(`SELECT string_agg(term, chr(10) ORDER BY id), string_agg(df::VARCHAR, ' ' ORDER BY id) FROM work.term_ids`))[0];
  if (words !== null) {
    const dfList = String(dfs).split(' ');
    String(words).split('\n').forEach((w, i) => stats.define(w, Number(dfList[i])));
  }
  stats.n = Number(await db.scalar('SELECT count(*)::INTEGER FROM records.articles'));

  await db.run('CREATE OR REPLACE TABLE work.auto_groups (label VARCHAR, first_id VARCHAR, seq INTEGER)');
  const appender = await db.appender('auto_groups', 'work');
  const grouping = new Grouping(stats, (g) => {
    for (const seq of g.members) {
      appender.appendVarchar(g.label);
      appender.appendVarchar(g.firstId);
      appender.appendInteger(seq);
      appender.endRow();
    }
  });
  // The articles in visiting order, each with its terms as "number count number count …".
  const articles = db.rows(`
    SELECT v.seq, v.id, v.date, v.title, string_agg(i.id::VARCHAR || ' ' || t.count::VARCHAR, ' ')
    FROM work.visit v LEFT JOIN records.terms t USING (seq) LEFT JOIN work.term_ids i USING (term)
    GROUP BY v.ord, v.seq, v.id, v.date, v.title ORDER BY v.ord`);
  for await (const [seq, id, date, title, terms] of articles) {
    grouping.add({ id: String(id), seq: Number(seq), date: String(date), title: String(title), terms: terms === null ? [] : String(terms).split(' ').map(Number) });
  }
  grouping.end();
  appender.closeSync();
  await db.run(`
    CREATE TABLE article_events AS
    WITH named AS (
      SELECT label, first_id, row_number() OVER (PARTITION BY label ORDER BY first_id) AS k
      FROM (SELECT DISTINCT label, first_id FROM work.auto_groups)
    )
    SELECT g.seq, CASE WHEN n.k = 1 THEN g.label ELSE g.label || ' #' || n.k END AS event
    FROM work.auto_groups g JOIN named n USING (label, first_id)`);
  await db.run('DROP TABLE work.auto_groups; DROP TABLE work.visit; DROP TABLE work.term_ids');
}
