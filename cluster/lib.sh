# Functions shared by start-flink.sh, stop-flink.sh and submit.sh. Sourced, not run.
# The sourcing script sets state_dir before calling pid_alive.
# shellcheck shell=bash disable=SC2154

log() {
  echo "flink-cluster: $*" >&2
}

die() {
  log "$*"
  exit 1
}

# pid_alive PID: true if PID is a live process started by start-flink.sh for this state dir
# ($state_dir). The command line is checked so a pid reused by another process is never taken
# for ours (and so never signalled).
pid_alive() {
  local pid="$1"
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  kill -0 "$pid" 2>/dev/null || return 1
  if [[ -r "/proc/$pid/cmdline" ]]; then
    # A zombie has an empty command line and counts as gone.
    tr '\0' ' ' <"/proc/$pid/cmdline" | grep -qF -- "-Dflink.cluster.state-dir=$state_dir " ||
      return 1
  fi
  return 0
}

# port_in_use PORT: true if something accepts connections on 127.0.0.1:PORT.
port_in_use() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# free_port PREFERRED [TAKEN...]: prints PREFERRED if it is free, else the next free port above it
# that is not among TAKEN.
free_port() {
  local port="$1"
  shift
  local limit=$((port + 500)) t skip
  while ((port < limit && port <= 65535)); do
    skip=false
    for t in "$@"; do
      [[ "$t" == "$port" ]] && skip=true
    done
    if [[ "$skip" == false ]] && ! port_in_use "$port"; then
      echo "$port"
      return 0
    fi
    port=$((port + 1))
  done
  die "no free port in $1..$limit"
}

# http_get URL: prints the body of a GET on a 127.0.0.1 URL; fails on connection errors.
http_get() {
  if command -v curl >/dev/null 2>&1; then
    curl -fsS --max-time 5 "$1"
    return
  fi
  # Without curl: plain HTTP/1.0 over bash's /dev/tcp, headers stripped.
  local rest="${1#http://}"
  local hostport="${rest%%/*}"
  local path="/${rest#*/}"
  local host="${hostport%%:*}" port="${hostport##*:}"
  exec 3<>"/dev/tcp/$host/$port" || return 1
  printf 'GET %s HTTP/1.0\r\nHost: %s\r\n\r\n' "$path" "$hostport" >&3
  sed '1,/^\r\{0,1\}$/d' <&3
  exec 3<&-
}
