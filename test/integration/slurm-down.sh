#!/usr/bin/env bash
# Stop the Slurm daemons started by slurm-up.sh DIR (munged is left running: other users of the machine may need it).
dir=${1:?usage: slurm-down.sh DIR}
for pid in "$dir/slurmd.pid" "$dir/slurmctld.pid"; do
  [ -s "$pid" ] && kill "$(cat "$pid")" 2>/dev/null
done
sleep 1
exit 0
