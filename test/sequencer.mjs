/**
 * The order test files start in. The suites that run framelens (or npm) many times start first, so the two jest
 * workers finish together instead of one waiting on a long suite started last; the others follow in jest's own order
 * (slowest first when it has timings from an earlier run, else largest first). Only the order changes, never what runs.
 */
import Sequencer from '@jest/test-sequencer';

/** Slowest first, as measured with two jest workers on a 2-core machine (test files relative to the project). */
const FIRST = [
  'test/install-git.test.ts',
  'test/reliability.test.ts',
  'test/determinism.test.ts',
  'test/report-page.test.ts',
  'test/kill.test.ts',
  'test/cli.test.ts',
];

export default class FirstSlowest extends Sequencer {
  sort(tests) {
    const sorted = super.sort(tests);
    const rank = (t) => {
      const i = FIRST.findIndex((f) => t.path.endsWith(f));
      return i < 0 ? FIRST.length : i;
    };
    // Array.prototype.sort is stable: the rest keep jest's order.
    return [...sorted].sort((a, b) => rank(a) - rank(b));
  }
}
