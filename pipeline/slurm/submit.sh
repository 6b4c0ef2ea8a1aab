#!/usr/bin/env bash
# Submit a framelens run to Slurm as N shards plus a merge job that waits for all of them.
# Usage: pipeline/slurm/submit.sh --shards N --out DIR [--args "framelens run options"] [sbatch options --] INPUT...
# Example: pipeline/slurm/submit.sh --shards 20 --out /scratch/$USER/run1 --args "--events auto" /data/news
# Prints the array job id and the merge job id. The merged tables land in DIR/merged.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
home=$(cd "$here/../.." && pwd)
shards="" out="" args="" sbatch_opts=()
while [ $# -gt 0 ]; do
  case "$1" in
    --shards) shards=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    --args) args=$2; shift 2 ;;
    --sbatch) sbatch_opts+=("$2"); shift 2 ;;
    --) shift; break ;;
    -*) echo "submit.sh: unknown option $1" >&2; exit 2 ;;
    *) break ;;
  esac
done
[ -n "$shards" ] && [ "$shards" -ge 1 ] 2>/dev/null || { echo "submit.sh: --shards N (N >= 1) is required" >&2; exit 2; }
[ -n "$out" ] || { echo "submit.sh: --out DIR is required" >&2; exit 2; }
[ $# -gt 0 ] || { echo "submit.sh: give at least one input file or folder" >&2; exit 2; }
[ -f "$home/dist/src/cli.js" ] || { echo "submit.sh: $home/dist/src/cli.js missing: run npm ci (or npm run build) first" >&2; exit 2; }
mkdir -p "$out"
out=$(cd "$out" && pwd)
inputs=""
for p in "$@"; do inputs+="$(cd "$(dirname "$p")" && pwd)/$(basename "$p") "; done
export FRAMELENS_HOME="$home" FRAMELENS_INPUT="$inputs" FRAMELENS_OUT="$out" FRAMELENS_SHARDS="$shards" FRAMELENS_ARGS="$args"
array=$(sbatch --parsable --array="0-$((shards - 1))" --chdir="$out" --export=ALL "${sbatch_opts[@]}" "$here/framelens-array.sbatch")
array=${array%%;*}
merge=$(sbatch --parsable --dependency="afterok:$array" --chdir="$out" --export=ALL "${sbatch_opts[@]}" "$here/framelens-merge.sbatch")
merge=${merge%%;*}
echo "array job $array ($shards shards), merge job $merge -> $out/merged"
