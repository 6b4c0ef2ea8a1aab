#!/usr/bin/env bash
# Start a throw-away single-node Slurm (munge + slurmctld + slurmd from Debian packages) in DIR, for tests.
# Usage: slurm-up.sh DIR   — prints `export SLURM_CONF=DIR/slurm.conf`; stop with slurm-down.sh DIR.
# Exit 77 (skip) with a one-line reason when Slurm cannot run here.
set -euo pipefail
dir=${1:?usage: slurm-up.sh DIR}
mkdir -p "$dir"/{state,spool,log}
skip() { echo "slurm-up: SKIP: $*" >&2; exit 77; }
[ "$(id -u)" = 0 ] || skip "needs root to start slurmd and munged"
if ! command -v slurmctld >/dev/null || ! command -v slurmd >/dev/null || ! command -v munged >/dev/null || ! command -v sbatch >/dev/null; then
  command -v apt-get >/dev/null || skip "slurmctld/slurmd/munge not installed and no apt-get"
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq slurmctld slurmd slurm-client munge) >"$dir/log/apt.log" 2>&1 \
    || skip "apt-get install slurmctld slurmd slurm-client munge failed (see $dir/log/apt.log)"
fi
# munge: the key comes with the package; the socket directory may not exist in a container.
mkdir -p /run/munge /var/log/munge /var/lib/munge && chown munge:munge /run/munge /var/log/munge /var/lib/munge
[ -s /etc/munge/munge.key ] || { dd if=/dev/urandom bs=1 count=1024 of=/etc/munge/munge.key 2>/dev/null; chown munge:munge /etc/munge/munge.key; chmod 400 /etc/munge/munge.key; }
if ! munge -n 2>/dev/null | unmunge >/dev/null 2>&1; then
  runuser -u munge -- /usr/sbin/munged >"$dir/log/munged.out" 2>&1 || skip "munged would not start: $(tail -1 "$dir/log/munged.out")"
  sleep 1
  munge -n | unmunge >/dev/null 2>&1 || skip "munge does not answer"
fi
host=$(hostname -s)
cpus=$(nproc)
mem=$(awk '/MemTotal/ {print int($2/1024) - 512}' /proc/meminfo)
cat >"$dir/slurm.conf" <<CONF
ClusterName=framelens-test
SlurmctldHost=$host
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
StateSaveLocation=$dir/state
SlurmdSpoolDir=$dir/spool
SlurmctldPidFile=$dir/slurmctld.pid
SlurmdPidFile=$dir/slurmd.pid
SlurmctldPort=6817
SlurmdPort=6818
SlurmctldLogFile=$dir/log/slurmctld.log
SlurmdLogFile=$dir/log/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
SchedulerType=sched/builtin
SelectType=select/cons_tres
SelectTypeParameters=CR_Core_Memory
ReturnToService=2
MpiDefault=none
DefMemPerCPU=1024
SlurmdTimeout=30
InactiveLimit=0
MinJobAge=300
KillWait=5
NodeName=$host CPUs=$cpus RealMemory=$mem State=UNKNOWN
PartitionName=debug Nodes=ALL Default=YES MaxTime=INFINITE State=UP
CONF
export SLURM_CONF="$dir/slurm.conf"
# A test cluster owns ports 6817/6818: stop daemons a crashed earlier run may have left behind.
pkill -x slurmctld 2>/dev/null || true
pkill -x slurmd 2>/dev/null || true
sleep 1
slurmctld -c -f "$SLURM_CONF" >"$dir/log/slurmctld.out" 2>&1 || skip "slurmctld would not start: $(tail -2 "$dir/log/slurmctld.log" 2>/dev/null | tr '\n' ' ')"
slurmd -c -f "$SLURM_CONF" >"$dir/log/slurmd.out" 2>&1 || skip "slurmd would not start: $(tail -2 "$dir/log/slurmd.log" 2>/dev/null | tr '\n' ' ')"
for _ in $(seq 1 30); do
  if sinfo -h -o '%T' 2>/dev/null | grep -qE '^(idle|mixed|allocated)'; then echo "export SLURM_CONF=$SLURM_CONF"; exit 0; fi
  sleep 1
done
skip "the node did not become idle: $(sinfo -h -o '%T %E' 2>&1 | head -1); $(tail -2 "$dir/log/slurmd.log" 2>/dev/null | tr '\n' ' ')"
