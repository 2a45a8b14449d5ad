#!/usr/bin/env bash
# The README's quick start: install what is missing, build, then run or test.
#
#   build-aux/dev.sh run     open the viewer on the bundled sample corpus
#   build-aux/dev.sh test    the whole test suite (+ a sanitizer build of the unit tests,
#                            + a short run of every fuzzer: ENTENTE_FUZZ_SECONDS each)
#   build-aux/dev.sh bench   the benchmarks
#
# SPDX-License-Identifier: GPL-3.0-or-later
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"

packages=(
  gcc pkg-config meson ninja-build python3 gettext
  libglib2.0-dev libglib2.0-bin libgtk-4-dev libgraphviz-dev graphviz
  libsqlite3-dev libxml2-dev libjson-glib-dev libpoppler-glib-dev iso-codes
  desktop-file-utils appstream xvfb xauth
  fonts-dejavu-core adwaita-icon-theme
  clang libclang-rt-14-dev llvm
)

install_missing () {
  local missing=()
  for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "Installing: ${missing[*]}"
  local sudo=()
  [ "$(id -u)" -ne 0 ] && sudo=(sudo)
  "${sudo[@]}" apt-get update -q
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
}

# configure DIR [meson options...]: set up once, reconfigure when options change.
configure () {
  local dir=$1; shift
  if [ -f "$dir/build.ninja" ]; then
    meson configure "$dir" "$@" >/dev/null
  else
    meson setup "$dir" "$@"
  fi
}

build () {
  configure build
  meson compile -C build
}

run_tests () {
  local status=0
  # The UI tests need a display: a private Xvfb server.
  xvfb-run -a -s '-screen 0 1600x1000x24' \
    meson test -C build --print-errorlogs --num-processes 2 || status=1

  # The unit tests once more with AddressSanitizer and UndefinedBehaviorSanitizer;
  # any report fails the run.
  configure build-sanitize -Db_sanitize=address,undefined -Db_lundef=false -Dbuildtype=debug
  meson compile -C build-sanitize
  ASAN_OPTIONS=halt_on_error=1:abort_on_error=1:detect_leaks=1 \
  UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
  LSAN_OPTIONS=suppressions="$top/tests/lsan.supp":print_suppressions=0 \
    meson test -C build-sanitize --suite unit --print-errorlogs --num-processes 2 || status=1

  # Fuzzing: clang builds every harness of tests/fuzz with libFuzzer, ASan
  # and UBSan; each replays its seeds, then mutates for ENTENTE_FUZZ_SECONDS
  # (40 by default), two at a time. A crash, hang, leak or failed check fails
  # the run and prints its reproducer (base64 and hex) with the report.
  local fuzz_start=$SECONDS
  run_fuzzers || status=1
  echo "Fuzzing took $((SECONDS - fuzz_start)) s"

  python3 build-aux/test-summary.py build/meson-logs/testlog.json \
    build-sanitize/meson-logs/testlog.json build-fuzz/meson-logs/testlog.json
  return $status
}

run_fuzzers () {
  rm -f build-fuzz/meson-logs/testlog.json
  if [ ! -f build-fuzz/build.ninja ]; then
    CC=clang meson setup build-fuzz -Dfuzzing=true -Dwerror=false -Dbuildtype=debugoptimized || return 1
  fi
  # The harnesses only: the viewer and the unit tests are not fuzzed.
  meson compile -C build-fuzz fuzzers || return 1
  meson test -C build-fuzz --no-rebuild --suite fuzz --print-errorlogs --num-processes 2
}

case "${1:-run}" in
  run)
    install_missing
    build
    exec ./build/src/entente "${@:2}"
    ;;
  test)
    install_missing
    build
    run_tests
    ;;
  bench)
    install_missing
    configure build -Dbuildtype=release
    meson compile -C build
    meson test -C build --benchmark -v
    ;;
  *)
    echo "usage: $0 run|test|bench" >&2
    exit 2
    ;;
esac
