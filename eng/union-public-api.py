#!/usr/bin/env python3
"""Resolves a merge conflict in PublicAPI.Unshipped.txt: the union of both sides, sorted as
eng/update-public-api.sh sorts. Run eng/update-public-api.sh afterwards to drop stale entries."""
import sys
path = sys.argv[1] if len(sys.argv) > 1 else 'src/HyperTune/PublicAPI.Unshipped.txt'
lines = [l.rstrip('\n') for l in open(path, encoding='utf-8')]
entries = set(l for l in lines if l and not l.startswith(('#', '<<<<<<<', '=======', '>>>>>>>')))
with open(path, 'w', encoding='utf-8', newline='\n') as f:
    f.write('\n'.join(['#nullable enable'] + sorted(entries, key=str.lower)) + '\n')
