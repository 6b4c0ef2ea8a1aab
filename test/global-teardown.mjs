/** Removes the run's scratch folder made by test/global-setup.mjs, unless FRAMELENS_KEEP_TEST_TMP=1. */
import { rmSync } from 'node:fs';

export default function globalTeardown() {
  const dir = process.env.FRAMELENS_TEST_TMP;
  if (!dir) return;
  if (process.env.FRAMELENS_KEEP_TEST_TMP === '1') console.log(`\ntest scratch files kept in ${dir}`);
  else rmSync(dir, { recursive: true, force: true });
}
