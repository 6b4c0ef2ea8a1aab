import { DuckDBInstance } from '@duckdb/node-api';
const inst = await DuckDBInstance.create(process.argv[2], { access_mode: 'READ_ONLY' });
const c = await inst.connect();
const r = await c.runAndReadAll(process.argv[3]);
for (const row of r.getRows()) console.log(row.map(String).join('\t'));
