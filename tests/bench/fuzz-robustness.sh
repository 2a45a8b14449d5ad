#!/usr/bin/env bash
# Robustness benchmark (not CI): every fuzzer of tests/fuzz for 1,000,000
# executions or 10 minutes, whichever comes first, two at a time, under ASan
# and UBSan. Prints executions, libFuzzer's coverage (cov: edges, ft:
# features), crashes, the slowest input (s) and peak memory per harness;
# exits 1 if any harness failed.
#
#   tests/bench/fuzz-robustness.sh [HARNESS...]     (default: all)
#   FUZZ_RUNS=1000000 FUZZ_SECONDS=600 FUZZ_JOBS=2 to change the budget
#   FUZZ_REPORT_ONLY=1 prints the table of the last run again
#
# SPDX-License-Identifier: GPL-3.0-or-later
set -uo pipefail

top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top"
runs=${FUZZ_RUNS:-1000000}
seconds=${FUZZ_SECONDS:-600}
jobs=${FUZZ_JOBS:-2}
out=build-fuzz/bench
mkdir -p "$out"

if [ ! -f build-fuzz/build.ninja ]; then
  CC=clang meson setup build-fuzz -Dfuzzing=true -Dwerror=false -Dbuildtype=debugoptimized || exit 1
fi
meson compile -C build-fuzz fuzzers >/dev/null || exit 1

# The command line of each harness, as the fuzz suite runs it, from meson.
python3 - "$runs" "$seconds" "$top/$out" "$@" > "$out/commands" <<'PY'
import json, shlex, subprocess, sys
runs, seconds, out, wanted = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
tests = json.loads(subprocess.check_output(['meson', 'introspect', '--tests', 'build-fuzz']))
for t in tests:
    if not any(s.split(':')[-1] == 'fuzz' for s in t['suite']):
        continue
    if wanted and t['name'] not in wanted:
        continue
    args = list(t['cmd'])
    # A work folder of its own: the CI corpus stays as it is.
    i = args.index('--work')
    args[i + 1] = out
    args += ['--runs', runs, '--seconds', seconds]
    print(t['name'] + '\t' + ' '.join(shlex.quote(a) for a in args))
PY

run_one () {
  local name=$1 command=$2 start end status
  start=$(date +%s)
  bash -c "$command" > "$out/$name.txt" 2>&1
  status=$?
  end=$(date +%s)
  echo "$status $((end - start))" > "$out/$name.status"
}
export -f run_one
export out

# FUZZ_REPORT_ONLY=1: the table of the last run, without fuzzing again.
if [ -z "${FUZZ_REPORT_ONLY:-}" ]; then
  echo "Fuzzing $(wc -l < "$out/commands") harnesses: $runs executions or $seconds s each, $jobs at a time"
  tr '\n' '\0' < "$out/commands" | xargs -0 -P "$jobs" -I{} bash -c 'line="$1"; run_one "${line%%$(printf "\t")*}" "${line#*$(printf "\t")}"' _ {}
fi

failed=0
printf '%-20s %12s %8s %8s %8s %8s %8s %8s %8s\n' harness executions exec/s cov ft crashes slowest rss_mb seconds
while IFS=$'\t' read -r name command; do
  read -r status elapsed < "$out/$name.status"
  done_line=$(grep -E '^#[0-9]+[[:space:]]+[A-Z]+[[:space:]]+cov: ' "$out/$name/fuzz.log" | tail -1)
  execs=$(grep -E '^stat::number_of_executed_units' "$out/$name.txt" | awk '{print $2}')
  speed=$(grep -E '^stat::average_exec_per_sec' "$out/$name.txt" | awk '{print $2}')
  slowest=$(grep -E '^stat::slowest_unit_time_sec' "$out/$name.txt" | awk '{print $2}')
  rss=$(grep -E '^stat::peak_rss_mb' "$out/$name.txt" | awk '{print $2}')
  cov=$(sed -nE 's/.* cov: ([0-9]+).*/\1/p' <<< "$done_line")
  ft=$(sed -nE 's/.* ft: ([0-9]+).*/\1/p' <<< "$done_line")
  crashes=$(ls build-fuzz/bench/"$name"/artifacts 2>/dev/null | wc -l)
  [ "$status" -ne 0 ] && failed=$((failed + 1))
  printf '%-20s %12s %8s %8s %8s %8s %8s %8s %8s\n' "$name" "${execs:-?}" "${speed:-?}" "${cov:-?}" \
    "${ft:-?}" "$crashes" "${slowest:-?}" "${rss:-?}" "$elapsed"
done < "$out/commands"
echo "Logs: $out/<harness>.txt; reproducers: $out/<harness>/artifacts/"
[ "$failed" -eq 0 ]
