#!/usr/bin/env bash
# Starts a standalone Flink 1.19 session cluster on 127.0.0.1 from Maven Central jars only:
# one JobManager (StandaloneSessionClusterEntrypoint) and N TaskManagers (TaskManagerRunner),
# each a plain `java -cp` process logging to a file and recording its pid under the state dir.
#
# Usage:
#   cluster/start-flink.sh [--state-dir DIR] [--taskmanagers N] [--slots N]
#                          [--tm-task-heap MiB] [--tm-network MiB] [--timeout SECONDS]
#   cluster/start-flink.sh --add-taskmanager [--state-dir DIR] [--timeout SECONDS]
#
# The first form starts a new cluster and waits until the REST API lists every TaskManager.
# The second starts one more TaskManager for a running cluster (same config) and waits for it.
# The chosen ports and the pids are in DIR/cluster.env and DIR/pids/; cluster/stop-flink.sh
# stops everything by recorded pid. Default DIR: <repo>/target/flink-cluster.
#
# Environment:
#   JAVA          java binary (default: $JAVA_HOME/bin/java, else java on PATH)
#   MVN           Maven command used to compute the classpath (default: <repo>/mvnw)
#   FLINK_CLASSPATH  use this classpath instead of resolving cluster/pom.xml with Maven
#   REST_PORT, RPC_PORT, BLOB_PORT  preferred ports (defaults 8081, 6123, 6124); a taken port
#                    is replaced by the next free one.
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_DIR="$(cd "$SCRIPT_DIR/.." && pwd)"
# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$SCRIPT_DIR/lib.sh"
trap 'log "failed at line $LINENO: $BASH_COMMAND"' ERR

state_dir="$REPO_DIR/target/flink-cluster"
taskmanagers=1
slots=2
timeout_s=120
add_taskmanager=false

# ---------------------------------------------------------------------------------------------
# Memory. No flink script computes the TaskManager's memory here, so every component is set
# explicitly (in MiB) and the JVM limits are derived from them the way Flink's BashJavaUtils does:
#   -Xmx = -Xms = framework heap + task heap
#   -XX:MaxDirectMemorySize = framework off-heap + task off-heap + network
#   -XX:MaxMetaspaceSize = metaspace
# Managed memory is allocated off-heap by Flink itself (batch sorting and hashing), outside these.
tm_framework_heap_mb=128
tm_task_heap_mb=1536 # --tm-task-heap; the NER model needs ~1 GB
tm_managed_mb=384
# Beam's batch translation runs every stage of the report at once (pipelined exchanges), so
# the TaskManager needs many network buffers: 128m was too few for parallelism 2 on one TM.
tm_network_mb=512 # --tm-network
tm_framework_offheap_mb=128
tm_task_offheap_mb=64
tm_metaspace_mb=512
tm_overhead_mb=192
jm_heap_mb=512
jm_offheap_mb=128
jm_metaspace_mb=384
jm_overhead_mb=192

usage() {
  sed -n '2,22p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
}

while [[ $# -gt 0 ]]; do
  case "$1" in
    --state-dir) state_dir="$2"; shift 2 ;;
    --state-dir=*) state_dir="${1#*=}"; shift ;;
    --taskmanagers) taskmanagers="$2"; shift 2 ;;
    --taskmanagers=*) taskmanagers="${1#*=}"; shift ;;
    --slots) slots="$2"; shift 2 ;;
    --slots=*) slots="${1#*=}"; shift ;;
    --tm-task-heap) tm_task_heap_mb="$2"; shift 2 ;;
    --tm-task-heap=*) tm_task_heap_mb="${1#*=}"; shift ;;
    --tm-network) tm_network_mb="$2"; shift 2 ;;
    --tm-network=*) tm_network_mb="${1#*=}"; shift ;;
    --timeout) timeout_s="$2"; shift 2 ;;
    --timeout=*) timeout_s="${1#*=}"; shift ;;
    --add-taskmanager) add_taskmanager=true; shift ;;
    -h|--help) usage; exit 0 ;;
    *) die "unknown option: $1 (see --help)" ;;
  esac
done

for n in "$taskmanagers" "$slots" "$tm_task_heap_mb" "$tm_network_mb" "$timeout_s"; do
  [[ "$n" =~ ^[1-9][0-9]*$ ]] || die "expected a positive number, got '$n'"
done

mkdir -p "$state_dir"
state_dir="$(cd "$state_dir" && pwd)"
env_file="$state_dir/cluster.env"
conf_dir="$state_dir/conf"
log_dir="$state_dir/log"
pid_dir="$state_dir/pids"
cp_file="$state_dir/classpath.txt"

# Java 17: the flags Flink 1.19's distribution puts in env.java.opts.all (its conf/config.yaml),
# plus java.lang.invoke, java.math, java.security and jdk.internal.misc for Beam's and the
# job's libraries.
java_module_opts=(
  --add-exports=java.base/sun.net.util=ALL-UNNAMED
  --add-exports=java.rmi/sun.rmi.registry=ALL-UNNAMED
  --add-exports=jdk.compiler/com.sun.tools.javac.api=ALL-UNNAMED
  --add-exports=jdk.compiler/com.sun.tools.javac.file=ALL-UNNAMED
  --add-exports=jdk.compiler/com.sun.tools.javac.parser=ALL-UNNAMED
  --add-exports=jdk.compiler/com.sun.tools.javac.tree=ALL-UNNAMED
  --add-exports=jdk.compiler/com.sun.tools.javac.util=ALL-UNNAMED
  --add-exports=java.security.jgss/sun.security.krb5=ALL-UNNAMED
  --add-opens=java.base/java.lang=ALL-UNNAMED
  --add-opens=java.base/java.net=ALL-UNNAMED
  --add-opens=java.base/java.io=ALL-UNNAMED
  --add-opens=java.base/java.nio=ALL-UNNAMED
  --add-opens=java.base/sun.nio.ch=ALL-UNNAMED
  --add-opens=java.base/java.lang.reflect=ALL-UNNAMED
  --add-opens=java.base/java.text=ALL-UNNAMED
  --add-opens=java.base/java.time=ALL-UNNAMED
  --add-opens=java.base/java.util=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent.locks=ALL-UNNAMED
  --add-opens=java.base/java.lang.invoke=ALL-UNNAMED
  --add-opens=java.base/java.math=ALL-UNNAMED
  --add-opens=java.base/java.security=ALL-UNNAMED
  --add-opens=java.base/jdk.internal.misc=ALL-UNNAMED
)

java_bin="${JAVA:-}"
if [[ -z "$java_bin" ]]; then
  if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" ]]; then
    java_bin="$JAVA_HOME/bin/java"
  else
    java_bin="$(command -v java)" || die "no java on PATH and JAVA_HOME is not set"
  fi
fi

# ---------------------------------------------------------------------------------------------

# Writes the classpath to $cp_file: the jars of cluster/pom.xml (Flink 1.19 runtime, clients,
# streaming, their dependencies and slf4j-simple), resolved offline first. The result is kept
# for the next start while cluster/pom.xml is unchanged and every jar still exists.
resolve_classpath() {
  if [[ -n "${FLINK_CLASSPATH:-}" ]]; then
    printf '%s' "$FLINK_CLASSPATH" >"$cp_file"
    return
  fi
  local key key_file="$cp_file.key" jar all_there=true
  local -a jars=()
  key="$(cksum <"$SCRIPT_DIR/pom.xml")"
  if [[ -s "$cp_file" && -f "$key_file" && "$(cat "$key_file")" == "$key" ]]; then
    IFS=: read -ra jars <"$cp_file" || true # no newline at the end: read returns 1
    for jar in "${jars[@]}"; do
      [[ -f "$jar" ]] || all_there=false
    done
    if [[ "$all_there" == true ]]; then
      return
    fi
  fi
  log "resolving the Flink classpath (cluster/pom.xml)"
  rm -f "$cp_file" "$key_file"
  local mvn="${MVN:-$REPO_DIR/mvnw}"
  local mvn_log="$log_dir/classpath-maven.log"
  local -a goal=(-B -q -f "$SCRIPT_DIR/pom.xml" dependency:build-classpath
    "-Dmdep.outputFile=$cp_file")
  if ! "$mvn" -o "${goal[@]}" >"$mvn_log" 2>&1; then
    log "offline resolution of cluster/pom.xml failed; trying online (see $mvn_log)"
    "$mvn" "${goal[@]}" >>"$mvn_log" 2>&1 ||
      { tail -n 30 "$mvn_log" >&2; die "could not resolve the Flink classpath with $mvn"; }
  fi
  [[ -s "$cp_file" ]] || die "Maven wrote no classpath to $cp_file"
  echo "$key" >"$key_file"
}

# Writes $conf_dir/config.yaml (Flink 1.19's standard YAML file; flat keys).
write_config() {
  mkdir -p "$conf_dir" "$state_dir/tmp"
  sed -e "s|@REST_PORT@|$rest_port|g" \
    -e "s|@RPC_PORT@|$rpc_port|g" \
    -e "s|@BLOB_PORT@|$blob_port|g" \
    -e "s|@SLOTS@|$slots|g" \
    -e "s|@TMP_DIR@|$state_dir/tmp|g" \
    -e "s|@TM_FRAMEWORK_HEAP@|${tm_framework_heap_mb}m|g" \
    -e "s|@TM_TASK_HEAP@|${tm_task_heap_mb}m|g" \
    -e "s|@TM_MANAGED@|${tm_managed_mb}m|g" \
    -e "s|@TM_NETWORK@|${tm_network_mb}m|g" \
    -e "s|@TM_FRAMEWORK_OFFHEAP@|${tm_framework_offheap_mb}m|g" \
    -e "s|@TM_TASK_OFFHEAP@|${tm_task_offheap_mb}m|g" \
    -e "s|@TM_METASPACE@|${tm_metaspace_mb}m|g" \
    -e "s|@TM_OVERHEAD@|${tm_overhead_mb}m|g" \
    -e "s|@JM_HEAP@|${jm_heap_mb}m|g" \
    -e "s|@JM_OFFHEAP@|${jm_offheap_mb}m|g" \
    -e "s|@JM_METASPACE@|${jm_metaspace_mb}m|g" \
    -e "s|@JM_OVERHEAD@|${jm_overhead_mb}m|g" \
    "$SCRIPT_DIR/config.yaml.template" >"$conf_dir/config.yaml"
}

write_env() {
  cat >"$env_file" <<EOF
# Written by cluster/start-flink.sh; read by stop-flink.sh, submit.sh and FlinkClusterIT.
REST_PORT=$rest_port
RPC_PORT=$rpc_port
BLOB_PORT=$blob_port
FLINK_MASTER=127.0.0.1:$rest_port
SLOTS_PER_TASKMANAGER=$slots
TM_TASK_HEAP_MB=$tm_task_heap_mb
TM_NETWORK_MB=$tm_network_mb
CONF_DIR=$conf_dir
LOG_DIR=$log_dir
PID_DIR=$pid_dir
EOF
}

# Starts one process in the background: start_process NAME MAIN_CLASS JVM_OPTS... -- ARGS...
start_process() {
  local name="$1" main="$2"
  shift 2
  local -a jvm=()
  while [[ $# -gt 0 && "$1" != "--" ]]; do
    jvm+=("$1")
    shift
  done
  shift
  local log_file="$log_dir/$name.log"
  local out_file="$log_dir/$name.out"
  : >"$log_file"
  # Each process runs in the state dir, in its own session (setsid), so a Ctrl-C in the caller's
  # terminal does not reach it: it is stopped by pid only. The marker property lets pid_alive
  # tell our processes from a pid reused by someone else. setsid does not fork here (a
  # background child of a script is no process group leader), so $! is the JVM's pid.
  (
    cd "$state_dir"
    export FLINK_CONF_DIR="$conf_dir" FLINK_PLUGINS_DIR="$state_dir/plugins"
    exec setsid "$java_bin" "${jvm[@]}" "${java_module_opts[@]}" \
      -Dlog.file="$log_file" \
      -Dorg.slf4j.simpleLogger.logFile="$log_file" \
      -Dorg.slf4j.simpleLogger.showDateTime=true \
      -Dorg.slf4j.simpleLogger.dateTimeFormat="yyyy-MM-dd HH:mm:ss,SSS" \
      -Dorg.slf4j.simpleLogger.showShortLogName=true \
      -Dflink.cluster.state-dir="$state_dir" \
      -cp "$(<"$cp_file")" "$main" --configDir "$conf_dir" "$@"
  ) </dev/null >"$out_file" 2>&1 &
  echo "$!" >"$pid_dir/$name.pid"
  log "started $name (pid $!), log $log_file"
}

start_jobmanager() {
  start_process jobmanager org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint \
    "-Xmx${jm_heap_mb}m" "-Xms${jm_heap_mb}m" "-XX:MaxMetaspaceSize=${jm_metaspace_mb}m" --
}

# start_taskmanager INDEX: resource id tm-INDEX, so the REST API shows which one registered.
start_taskmanager() {
  local index="$1"
  local heap_mb=$((tm_framework_heap_mb + tm_task_heap_mb))
  local direct_mb=$((tm_framework_offheap_mb + tm_task_offheap_mb + tm_network_mb))
  # -XX:-DontCompileHugeMethods: CoreNLP's feature extractor is one method too large for the
  # JIT's default limit; compiled, the tagger runs 1.3-1.9x as fast. The smaller inlining limits
  # cut C2's work by more than they slow the code (the options the jar gives its own JVM).
  start_process "taskmanager-$index" org.apache.flink.runtime.taskexecutor.TaskManagerRunner \
    "-Xmx${heap_mb}m" "-Xms${heap_mb}m" "-XX:MaxDirectMemorySize=${direct_mb}m" \
    "-XX:MaxMetaspaceSize=${tm_metaspace_mb}m" -XX:-DontCompileHugeMethods \
    -XX:MaxInlineSize=10 -XX:FreqInlineSize=100 -XX:InlineSmallCode=1000 -- \
    -D "taskmanager.resource-id=tm-$index"
}

# Prints the tail of every log of this cluster to stderr.
dump_logs() {
  local f
  for f in "$log_dir"/*.log "$log_dir"/*.out; do
    [[ -s "$f" ]] || continue
    echo "----- tail of $f -----" >&2
    tail -n 40 "$f" >&2
  done
}

# wait_for_taskmanagers ID...: waits until the REST API lists every given TaskManager id.
wait_for_taskmanagers() {
  local deadline=$((SECONDS + timeout_s))
  local body id missing name
  while true; do
    for name in jobmanager "$@"; do
      name="${name/#tm-/taskmanager-}"
      if ! pid_alive "$(cat "$pid_dir/$name.pid")"; then
        log "$name (pid $(cat "$pid_dir/$name.pid")) exited while starting"
        dump_logs
        return 1
      fi
    done
    missing=""
    body="$(http_get "http://127.0.0.1:$rest_port/taskmanagers" 2>/dev/null || true)"
    for id in "$@"; do
      if [[ "$body" != *"\"id\":\"$id\""* ]]; then
        missing="$missing $id"
      fi
    done
    if [[ -z "$missing" ]]; then
      return 0
    fi
    if ((SECONDS >= deadline)); then
      log "timed out after ${timeout_s}s waiting for TaskManager(s):$missing"
      dump_logs
      return 1
    fi
    sleep 1
  done
}

# ---------------------------------------------------------------------------------------------

if [[ "$add_taskmanager" == true ]]; then
  [[ -f "$env_file" ]] || die "no cluster in $state_dir (no cluster.env)"
  # shellcheck source=/dev/null
  source "$env_file"
  # shellcheck disable=SC2153 # REST_PORT and TM_TASK_HEAP_MB come from cluster.env
  rest_port="$REST_PORT"
  slots="$SLOTS_PER_TASKMANAGER"
  # shellcheck disable=SC2153
  tm_task_heap_mb="$TM_TASK_HEAP_MB"
  # shellcheck disable=SC2153
  tm_network_mb="$TM_NETWORK_MB"
  pid_alive "$(cat "$pid_dir/jobmanager.pid" 2>/dev/null || echo 0)" ||
    die "the JobManager of $state_dir is not running"
  last=0
  for f in "$pid_dir"/taskmanager-*.pid; do
    [[ -e "$f" ]] || continue
    i="${f##*/taskmanager-}"
    i="${i%.pid}"
    ((i > last)) && last="$i"
  done
  next=$((last + 1))
  start_taskmanager "$next"
  if ! wait_for_taskmanagers "tm-$next"; then
    die "TaskManager tm-$next did not register"
  fi
  log "TaskManager tm-$next registered with the JobManager at 127.0.0.1:$rest_port"
  exit 0
fi

if [[ -f "$pid_dir/jobmanager.pid" ]] && pid_alive "$(cat "$pid_dir/jobmanager.pid")"; then
  die "a cluster is already running from $state_dir (stop it with cluster/stop-flink.sh)"
fi
rm -rf "$pid_dir" "$log_dir" "$conf_dir" "$state_dir/tmp" "$state_dir/plugins"
mkdir -p "$pid_dir" "$log_dir" "$state_dir/plugins"

resolve_classpath

taken=()
rest_port="$(free_port "${REST_PORT:-8081}" "${taken[@]}")"
taken+=("$rest_port")
rpc_port="$(free_port "${RPC_PORT:-6123}" "${taken[@]}")"
taken+=("$rpc_port")
blob_port="$(free_port "${BLOB_PORT:-6124}" "${taken[@]}")"
log "ports: rest $rest_port, jobmanager rpc $rpc_port, blob $blob_port"

write_config
write_env
start_jobmanager
ids=()
for ((i = 1; i <= taskmanagers; i++)); do
  start_taskmanager "$i"
  ids+=("tm-$i")
done

if ! wait_for_taskmanagers "${ids[@]}"; then
  log "start failed; stopping what was started"
  "$SCRIPT_DIR/stop-flink.sh" --state-dir "$state_dir" >&2 || true
  exit 1
fi
log "cluster ready: $taskmanagers TaskManager(s) x $slots slot(s); REST http://127.0.0.1:$rest_port"
log "submit with --runner=FlinkRunner --flinkMaster=127.0.0.1:$rest_port (or cluster/submit.sh)"
