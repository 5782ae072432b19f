#!/usr/bin/env bash
# Adds every public symbol that RS0016 reports to src/HyperTune/PublicAPI.Unshipped.txt, and drops
# the entries RS0017 reports as gone: the command-line counterpart of the IDE's public-API fix.
# Review the diff it makes: that diff is the point of tracking the API.
set -euo pipefail
cd "$(dirname "$0")/.."
project=src/HyperTune/HyperTune.csproj
unshipped=src/HyperTune/PublicAPI.Unshipped.txt
log=$(mktemp -d)
dotnet build "$project" --no-incremental -p:ErrorLog="$log/net10.0.sarif%2Cversion=2.1" >/dev/null 2>&1 || true
python3 - "$unshipped" "$log"/*.sarif <<'PY'
import json, sys
path, logs = sys.argv[1], sys.argv[2:]
lines = [l.rstrip('\n') for l in open(path, encoding='utf-8')]
header = [l for l in lines if l.startswith('#')] or ['#nullable enable']
entries = set(l for l in lines if l and not l.startswith('#'))
for log in logs:
    for run in json.load(open(log, encoding='utf-8'))['runs']:
        for r in run.get('results', []):
            props = r.get('properties', {}).get('customProperties', {})
            if r['ruleId'] == 'RS0016' and 'APIName' in props:
                entries.add(props['APIName'])
            elif r['ruleId'] == 'RS0017':
                # "Symbol 'X' is part of the declared API, but is either not public or could not be found"
                text = r['message']['text']
                name = text.split("'")[1] if "'" in text else None
                if name in entries:
                    entries.discard(name)
with open(path, 'w', encoding='utf-8', newline='\n') as f:
    f.write('\n'.join(header + sorted(entries, key=str.lower)) + '\n')
PY
rm -rf "$log"
echo "updated $unshipped"
