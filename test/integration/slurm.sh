#!/usr/bin/env bash
# Integration test of the Slurm recipe on a real single-node Slurm (Debian's slurmctld, slurmd, munge):
# submit pipeline/slurm/submit.sh over the bundled corpus plus the bad-input fixtures split 3 ways, wait for the
# array and the dependent merge job, and compare every output file (manifest.json aside) with one unsharded run.
# Exit 0: identical; 1: a difference or a failed job; 77: Slurm cannot run here (reason on stderr).
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
dir=$(mktemp -d /tmp/framelens-slurm.XXXXXX)
# The cluster stopped and the folder removed at the end (FRAMELENS_KEEP_TEST_TMP=1 keeps it, as for the other tests).
trap 'bash "$here/slurm-down.sh" "$dir/cluster"; [ "${FRAMELENS_KEEP_TEST_TMP:-}" = 1 ] || rm -rf "$dir"' EXIT
up=$(bash "$here/slurm-up.sh" "$dir/cluster") || exit $?
eval "$up"
inputs=("$repo/corpora" "$repo/test/fixtures/bad")
args="--max-chars 5000 --quiet"
start=$(date +%s)
# shellcheck disable=SC2086
node "$repo/dist/src/cli.js" run "${inputs[@]}" --out "$dir/single" $args || { echo "slurm.sh: single run failed" >&2; exit 1; }
submitted=$(bash "$repo/pipeline/slurm/submit.sh" --shards 3 --out "$dir/run" --args "$args" "${inputs[@]}") || { echo "slurm.sh: submit failed" >&2; exit 1; }
echo "slurm.sh: $submitted"
for _ in $(seq 1 300); do
  [ -z "$(squeue -h 2>/dev/null)" ] && break
  sleep 1
done
[ -z "$(squeue -h 2>/dev/null)" ] || { echo "slurm.sh: jobs still queued after 300 s:" >&2; squeue >&2; exit 1; }
if [ ! -f "$dir/run/merged/articles.csv" ]; then
  echo "slurm.sh: no merged tables; job logs:" >&2
  tail -n 20 "$dir"/run/*.out >&2 2>/dev/null
  exit 1
fi
status=0
for f in "$dir/single"/*; do
  name=$(basename "$f")
  [ "$name" = manifest.json ] && continue
  # A database file's bytes vary by nature: its tables are the CSVs compared here.
  if [ "$name" = framelens.duckdb ]; then [ -f "$dir/run/merged/$name" ] || { echo "slurm.sh: merged $name missing" >&2; status=1; }; continue; fi
  if ! cmp -s "$f" "$dir/run/merged/$name"; then echo "slurm.sh: $name differs between the merged shards and the single run" >&2; status=1; fi
done
for k in 0 1 2; do [ -f "$dir/run/shard-$k/manifest.json" ] || { echo "slurm.sh: shard $k missing" >&2; status=1; }; done
echo "slurm.sh: $( [ $status = 0 ] && echo identical || echo DIFFERENT ) ($(ls "$dir/single" | wc -l) files compared, $(( $(date +%s) - start )) s)"
exit $status
