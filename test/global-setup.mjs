/**
 * Every suite writes its scratch folders (outputs, corpora, npm installs) under os.tmpdir(). The whole run gets one
 * folder of its own as TMPDIR, inherited by jest's workers and by every process the suites start, and
 * test/global-teardown.mjs removes it, so repeated `npm test` runs do not fill /tmp (one run leaves about 500 MB there).
 * FRAMELENS_KEEP_TEST_TMP=1 keeps it for inspection; its path is printed.
 */
import { chmodSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function globalSetup() {
  const dir = mkdtempSync(join(tmpdir(), 'framelens-test-'));
  // Open to every user, as /tmp is: test/reliability.test.ts runs framelens as another user on folders in it.
  chmodSync(dir, 0o1777);
  process.env.FRAMELENS_TEST_TMP = dir;
  process.env.TMPDIR = dir;
}
