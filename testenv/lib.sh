# Shared by testenv/up and testenv/down; sourced, not run. Every wait here has a deadline.
# shellcheck shell=bash

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
bin="$here/.cache/bin"
run="$here/.run"
components=(etcd kube-apiserver kube-controller-manager kube-scheduler kwok)

say() { echo "testenv: [$(date +%T)] $*" >&2; }

# The pid recorded for a component, printed only if that process is still alive and is running
# this checkout's binary (a recycled pid or a control plane from another checkout never matches).
live_pid() { # $1 = component
  local file="$run/pids/$1.pid" pid
  [ -f "$file" ] || return 1
  pid="$(cat "$file")"
  owned_by_checkout "$pid" "$1" || return 1
  echo "$pid"
}

owned_by_checkout() { # $1 = pid, $2 = component
  local exe
  exe="$(readlink "/proc/$1/exe" 2>/dev/null)" || return 1
  # A rebuilt binary shows as "<path> (deleted)" for processes started before the rebuild.
  [ "${exe% (deleted)}" = "$bin/$2" ]
}

# Every process running one of this checkout's binaries, whether or not a pid file names it.
checkout_pids() {
  local proc pid exe
  for proc in /proc/[0-9]*; do
    pid="${proc#/proc/}"
    exe="$(readlink "$proc/exe" 2>/dev/null)" || continue
    case "${exe% (deleted)}" in "$bin"/*) echo "$pid" ;; esac
  done
}

# Stops every process of this checkout's control plane, one component at a time in reverse start
# order (kube-apiserver shuts down quickly only while etcd is still there), then any leftover
# process running one of this checkout's binaries. Each gets SIGTERM, and SIGKILL after a grace
# period.
stop_control_plane() {
  local c pid i stopped=0
  for (( i=${#components[@]}-1; i>=0; i-- )); do
    c="${components[$i]}"
    if pid="$(live_pid "$c")"; then
      terminate "$c" "$pid"
      stopped=$(( stopped + 1 ))
    fi
  done
  for pid in $(checkout_pids); do
    terminate "leftover $(basename "$(readlink "/proc/$pid/exe" 2>/dev/null)" 2>/dev/null)" "$pid"
    stopped=$(( stopped + 1 ))
  done
  [ "$stopped" -eq 0 ] || say "stopped $stopped process(es) of this checkout's control plane"
}

terminate() { # $1 = description, $2 = pid
  local i
  kill -TERM "$2" 2>/dev/null || return 0
  for (( i=0; i<100; i++ )); do
    any_alive "$2" || return 0
    sleep 0.1
  done
  say "$1 (pid $2) ignored SIGTERM for 10s; killing it"
  kill -KILL "$2" 2>/dev/null || true
  for (( i=0; i<50; i++ )); do
    any_alive "$2" || return 0
    sleep 0.1
  done
  say "$1 (pid $2) is still alive after SIGKILL"
  return 1
}

any_alive() {
  local pid
  for pid in "$@"; do
    [ -d "/proc/$pid" ] && [ "$(awk '{print $3}' "/proc/$pid/stat" 2>/dev/null)" != Z ] && return 0
  done
  return 1
}
