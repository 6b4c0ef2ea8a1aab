/**
 * The Slurm recipe (pipeline/slurm/) on a real single-node Slurm: test/integration/slurm.sh starts munge, slurmctld
 * and slurmd, submits the array + merge jobs and compares the merged tables with a single run. Skipped, saying why,
 * where Slurm cannot run (not root, no Debian packages); FRAMELENS_SKIP_SLURM=1 skips it on purpose.
 */
import { spawnSync } from 'node:child_process';
import { packageFile } from '../../src/paths.js';

const wanted = !process.env.FRAMELENS_SKIP_SLURM && process.platform === 'linux';

(wanted ? test : test.skip)('array of 3 shards + dependent merge on Slurm = one run, byte for byte', () => {
  const r = spawnSync('bash', [packageFile('test/integration/slurm.sh')], { encoding: 'utf8', timeout: 8 * 60_000 });
  if (r.status === 77) {
    console.warn(`Slurm integration test skipped: ${r.stderr.trim().split('\n').pop()}`);
    return;
  }
  expect({ status: r.status, stderr: r.stderr }).toEqual({ status: 0, stderr: '' });
  expect(r.stdout).toMatch(/slurm\.sh: identical \(20 files compared/);
}, 9 * 60_000);
