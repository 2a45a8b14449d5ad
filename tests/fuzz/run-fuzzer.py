#!/usr/bin/env python3
"""Runs one libFuzzer harness over its seeds for a fixed time.

    run-fuzzer.py HARNESS --name NAME --work DIR [--seeds GLOB...] [--dict FILE]
                  [--seconds N] [--runs N] [--max-len N] [--timeout S]
                  [--libfuzzer-arg=-OPTION=VALUE...]

The seeds (globs relative to the source tree, or files) are copied into a
fresh folder; libFuzzer first replays them and the corpus it kept from
earlier runs in DIR, then mutates for --seconds (or --runs executions).
Exit 0 when nothing crashed, hung or leaked. Otherwise the tail of the
fuzzer's log, then every reproducer in base64 and as a hex dump, so that a
CI log alone is enough to replay it:

    base64 -d > crash.bin <<'EOF' ... EOF;  HARNESS crash.bin

The last lines are libFuzzer's figures: executions, cov: and ft:.
"""
import argparse
import base64
import glob
import os
import re
import shutil
import subprocess
import sys

SOURCE_ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..'))
ARTIFACTS = ('crash-', 'timeout-', 'oom-', 'leak-', 'slow-unit-')
REPORT = re.compile(r'==\d+==ERROR|runtime error:|fuzz check failed|ERROR: libFuzzer|'
                    r'\*\*\*\*\*|CRITICAL \*\*|WARNING \*\*|ALERT: libFuzzer')


def hexdump(data, limit=1024):
    lines = []
    for off in range(0, min(len(data), limit), 16):
        chunk = data[off:off + 16]
        hexes = ' '.join('%02x' % b for b in chunk)
        text = ''.join(chr(b) if 0x20 <= b < 0x7f else '.' for b in chunk)
        lines.append('%08x  %-47s  |%s|' % (off, hexes, text))
    if len(data) > limit:
        lines.append('... (%d bytes in all)' % len(data))
    return '\n'.join(lines)


def copy_seeds(patterns, dest):
    if os.path.isdir(dest):
        shutil.rmtree(dest)
    os.makedirs(dest)
    n = 0
    for pattern in patterns:
        path = pattern if os.path.isabs(pattern) else os.path.join(SOURCE_ROOT, pattern)
        for src in sorted(glob.glob(path, recursive=True)):
            if os.path.isfile(src):
                n += 1
                shutil.copyfile(src, os.path.join(dest, '%03d-%s' % (n, os.path.basename(src))))
    return n


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('harness')
    parser.add_argument('--name', required=True)
    parser.add_argument('--work', required=True)
    parser.add_argument('--seeds', nargs='*', default=[])
    parser.add_argument('--dict')
    parser.add_argument('--seconds', type=int,
                        default=int(os.environ.get('ENTENTE_FUZZ_SECONDS', '40')))
    parser.add_argument('--runs', type=int, default=int(os.environ.get('ENTENTE_FUZZ_RUNS', '-1')))
    parser.add_argument('--max-len', type=int, default=8192)
    parser.add_argument('--timeout', type=int, default=5)
    parser.add_argument('--rss-limit-mb', type=int, default=2048)
    parser.add_argument('--libfuzzer-arg', dest='extra', action='append', default=[],
                        help='one more libFuzzer option, e.g. --libfuzzer-arg=-close_fd_mask=2')
    args = parser.parse_args()

    work = os.path.join(args.work, args.name)
    corpus = os.path.join(work, 'corpus')
    seeds = os.path.join(work, 'seeds')
    artifacts = os.path.join(work, 'artifacts')
    os.makedirs(corpus, exist_ok=True)
    if os.path.isdir(artifacts):
        shutil.rmtree(artifacts)
    os.makedirs(artifacts)
    n_seeds = copy_seeds(args.seeds, seeds)

    command = [args.harness,
               '-max_total_time=%d' % args.seconds,
               '-runs=%d' % args.runs,
               '-max_len=%d' % args.max_len,
               '-timeout=%d' % args.timeout,
               '-rss_limit_mb=%d' % args.rss_limit_mb,
               '-malloc_limit_mb=%d' % args.rss_limit_mb,
               '-artifact_prefix=%s/' % artifacts,
               '-print_final_stats=1',
               '-reload=0']
    if args.dict:
        command.append('-dict=%s' % args.dict)
    command += args.extra + [corpus, seeds]

    env = dict(os.environ)
    env.setdefault('ASAN_OPTIONS', 'abort_on_error=1:detect_leaks=1:allocator_may_return_null=1')
    env.setdefault('UBSAN_OPTIONS', 'halt_on_error=1:print_stacktrace=1')
    env.setdefault('LSAN_OPTIONS', 'suppressions=%s:print_suppressions=0'
                   % os.path.join(SOURCE_ROOT, 'tests', 'lsan.supp'))
    symbolizer = shutil.which('llvm-symbolizer') or '/usr/lib/llvm-14/bin/llvm-symbolizer'
    if os.path.exists(symbolizer):
        env.setdefault('ASAN_SYMBOLIZER_PATH', symbolizer)

    print('%s: %d seeds, %d kept inputs; %s' % (args.name, n_seeds, len(os.listdir(corpus)),
                                               ' '.join(command)), flush=True)
    log_path = os.path.join(work, 'fuzz.log')
    with open(log_path, 'wb') as log:
        status = subprocess.call(command, stdout=log, stderr=subprocess.STDOUT, env=env)
    with open(log_path, 'rb') as f:
        log_lines = f.read().decode('utf-8', 'replace').splitlines()

    found = sorted(f for f in os.listdir(artifacts) if f.startswith(ARTIFACTS))
    if status != 0 or found:
        print('%s: FAILED (exit status %d)' % (args.name, status))
        # The report starts at the first sanitizer or libFuzzer error line;
        # the lines around it are the mutations that led there.
        first = next((i for i, l in enumerate(log_lines) if REPORT.search(l)), None)
        if first is not None:
            print('\n'.join(log_lines[max(0, first - 5):first + 200]))
            print('...')
        print('\n'.join(log_lines[-30:]))
        for name in found:
            path = os.path.join(artifacts, name)
            data = open(path, 'rb').read()
            print('\n=== reproducer %s (%d bytes), kept at %s ===' % (name, len(data), path))
            print('--- base64 ---')
            print(base64.encodebytes(data).decode('ascii'), end='')
            print('--- hex ---')
            print(hexdump(data))
            print('--- replay: %s %s' % (args.harness, path))
        return 1

    stats = [l for l in log_lines if l.startswith('stat::') or re.match(r'#\d+\s+(DONE|INITED)', l)]
    coverage = [l for l in log_lines if re.match(r'#\d+\s+\S+\s+cov: ', l)]
    if coverage:
        stats.append('last: ' + coverage[-1])
    print('\n'.join(stats))
    return 0


if __name__ == '__main__':
    sys.exit(main())
