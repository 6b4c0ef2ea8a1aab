import { DuckDBInstance } from '@duckdb/node-api';
const inst = await DuckDBInstance.create('/tmp/o100f/framelens.duckdb', { access_mode: 'READ_ONLY', memory_limit: '160MB', threads: process.argv[2], temp_directory: '/tmp/cp-spill' });
const c = await inst.connect();
const q = process.argv[3];
const t = performance.now();
await c.run(`COPY (${q}) TO '/tmp/cp-out.csv' (FORMAT csv, HEADER false)`);
console.log('copy ms', Math.round(performance.now() - t));
