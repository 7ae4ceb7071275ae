#!/usr/bin/env bash
# Runs the corpus report as a job on the session cluster started by cluster/start-flink.sh:
#
#   cluster/submit.sh [--state-dir DIR] [--jar JAR] REPORT_OPTIONS...
#
# is `java -jar JAR --runner=FlinkRunner --flinkMaster=127.0.0.1:<rest port> REPORT_OPTIONS...`
# with --parallelism defaulting to every slot of the cluster (TaskManagers x slots) when
# REPORT_OPTIONS has none. The jar (default pipelines/target/corpus-analytics.jar) stages itself
# (FlinkSubmission), so no --filesToStage is needed. --output must be a directory every
# TaskManager can write to (any local path here: the whole cluster is on this machine).
# Waits for the job to finish and exits with the report's exit code.
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_DIR="$(cd "$SCRIPT_DIR/.." && pwd)"
# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$SCRIPT_DIR/lib.sh"

state_dir="$REPO_DIR/target/flink-cluster"
jar="$REPO_DIR/pipelines/target/corpus-analytics.jar"
args=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --state-dir) state_dir="$2"; shift 2 ;;
    --state-dir=*) state_dir="${1#*=}"; shift ;;
    --jar) jar="$2"; shift 2 ;;
    --jar=*) jar="${1#*=}"; shift ;;
    -h|--help) sed -n '2,12p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) args+=("$1"); shift ;;
  esac
done

env_file="$state_dir/cluster.env"
[[ -f "$env_file" ]] || die "no cluster in $state_dir: start one with cluster/start-flink.sh"
[[ -f "$jar" ]] || die "no $jar: build it with ./mvnw -o -q -pl transforms,pipelines -am package -DskipTests"
# shellcheck source=/dev/null
source "$env_file"

has_parallelism=false
for a in "${args[@]}"; do
  [[ "$a" == --parallelism=* ]] && has_parallelism=true
done
if [[ "$has_parallelism" == false ]]; then
  taskmanagers=0
  for f in "$PID_DIR"/taskmanager-*.pid; do
    [[ -e "$f" ]] && taskmanagers=$((taskmanagers + 1))
  done
  ((taskmanagers > 0)) || taskmanagers=1
  args+=("--parallelism=$((taskmanagers * SLOTS_PER_TASKMANAGER))")
fi

java_bin="${JAVA:-${JAVA_HOME:+$JAVA_HOME/bin/java}}"
java_bin="${java_bin:-java}"
exec "$java_bin" -jar "$jar" --runner=FlinkRunner "--flinkMaster=$FLINK_MASTER" "${args[@]}"
