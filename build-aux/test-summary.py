#!/usr/bin/env python3
"""Counts test cases across meson test logs and prints 'N passed, N failed'.

Each TAP line of a GTest program is one case; a program that failed without
reporting a failing case (a crash, a sanitizer report, a timeout) counts as
one failure of its own.
"""
import json
import re
import sys

passed = failed = skipped = 0
for path in sys.argv[1:]:
    try:
        lines = open(path, encoding='utf-8', errors='replace').read().splitlines()
    except OSError as e:
        print(f'test-summary: {path}: {e.strerror}', file=sys.stderr)
        failed += 1
        continue
    for line in lines:
        entry = json.loads(line)
        if entry.get('is_benchmark'):
            continue
        out = entry.get('stdout') or ''
        ok = len(re.findall(r'^ok \d+(?! .*# SKIP)', out, re.M))
        skip = len(re.findall(r'^ok \d+.*# SKIP', out, re.M))
        bad = len(re.findall(r'^not ok \d+(?! .*# TODO)', out, re.M))
        result = entry.get('result', '')
        if result in ('FAIL', 'TIMEOUT', 'ERROR', 'UNEXPECTEDPASS') and bad == 0:
            bad = 1
        if ok == 0 and bad == 0 and skip == 0:
            if result == 'OK':
                ok = 1
            elif result == 'SKIP':
                skip = 1
        passed += ok
        failed += bad
        skipped += skip
print(f'{passed} passed, {failed} failed, {skipped} skipped')
