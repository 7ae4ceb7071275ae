#!/usr/bin/env bash
# Stops the Flink session cluster started by cluster/start-flink.sh: TaskManagers first, then
# the JobManager, each by the pid recorded in <state dir>/pids/ (never by process name). Each
# gets SIGTERM, then SIGKILL if it has not exited after the timeout.
#
# Usage: cluster/stop-flink.sh [--state-dir DIR] [--timeout SECONDS]
# Default DIR: <repo>/target/flink-cluster. Stopping a cluster that is not running succeeds.
# Logs stay in DIR/log/.
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_DIR="$(cd "$SCRIPT_DIR/.." && pwd)"
# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$SCRIPT_DIR/lib.sh"

state_dir="$REPO_DIR/target/flink-cluster"
timeout_s=30

while [[ $# -gt 0 ]]; do
  case "$1" in
    --state-dir) state_dir="$2"; shift 2 ;;
    --state-dir=*) state_dir="${1#*=}"; shift ;;
    --timeout) timeout_s="$2"; shift 2 ;;
    --timeout=*) timeout_s="${1#*=}"; shift ;;
    -h|--help) sed -n '2,8p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown option: $1 (see --help)" ;;
  esac
done
[[ "$timeout_s" =~ ^[0-9]+$ ]] || die "--timeout must be a number of seconds"

if [[ ! -d "$state_dir/pids" ]]; then
  log "no cluster in $state_dir"
  exit 0
fi
state_dir="$(cd "$state_dir" && pwd)"
pid_dir="$state_dir/pids"

# stop_one PIDFILE: SIGTERM, wait, SIGKILL; removes the pid file once the process is gone.
stop_one() {
  local pid_file="$1" name pid
  name="$(basename "$pid_file" .pid)"
  pid="$(cat "$pid_file" 2>/dev/null || true)"
  if ! pid_alive "$pid"; then
    rm -f "$pid_file"
    return 0
  fi
  kill -TERM "$pid" 2>/dev/null || true
  local deadline=$((SECONDS + timeout_s))
  while pid_alive "$pid" && ((SECONDS < deadline)); do
    sleep 0.5
  done
  if pid_alive "$pid"; then
    log "$name (pid $pid) did not stop in ${timeout_s}s; sending SIGKILL"
    kill -KILL "$pid" 2>/dev/null || true
    deadline=$((SECONDS + 10))
    while pid_alive "$pid" && ((SECONDS < deadline)); do
      sleep 0.2
    done
    if pid_alive "$pid"; then
      log "$name (pid $pid) is still running after SIGKILL"
      return 1
    fi
  fi
  rm -f "$pid_file"
  log "stopped $name (pid $pid)"
}

status=0
# TaskManagers in parallel (each waits for its own exit), then the JobManager.
waits=()
for f in "$pid_dir"/taskmanager-*.pid; do
  [[ -e "$f" ]] || continue
  stop_one "$f" &
  waits+=("$!")
done
for w in "${waits[@]}"; do
  wait "$w" || status=1
done
if [[ -e "$pid_dir/jobmanager.pid" ]]; then
  stop_one "$pid_dir/jobmanager.pid" || status=1
fi
exit "$status"
