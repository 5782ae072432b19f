#!/usr/bin/env bash
# Proves the package as a user gets it: pack HyperTune, then build and run a consumer project that
# takes it from a local folder feed (not a ProjectReference), for net10.0 (the one runtime the library targets).
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

dotnet pack HyperTune.Generators.sln -c Release -o "$work/feed" -v quiet -nologo
pkg=$(ls "$work/feed"/HyperTune.[0-9]*.nupkg)
echo "packed $(basename "$pkg")"
# The hypertune command-line tool is packed beside the library, as a .NET tool.
tool=$(ls "$work/feed"/HyperTune.Cli.[0-9]*.nupkg) || { echo "the hypertune tool was not packed" >&2; exit 1; }
# The listing is read whole first: `unzip | grep -q` under pipefail fails at random when grep
# quits before unzip has written everything (SIGPIPE), which once failed CI on a good package.
tool_listing=$(unzip -Z1 "$tool")
grep -qx 'tools/net10.0/any/DotnetToolSettings.xml' <<<"$tool_listing" || {
  echo "$(basename "$tool") is not a .NET tool; it holds:" >&2; head -5 <<<"$tool_listing" >&2; exit 1; }
echo "packed $(basename "$tool")"
# ... and installs and runs as one (`dotnet tool install` from the feed, its own packages folder so
# that a cached HyperTune.Cli of the same version is not taken instead), then `hypertune --help`.
tool_version=$(basename "$tool" .nupkg); tool_version=${tool_version#HyperTune.Cli.}
NUGET_PACKAGES="$work/tool-packages" dotnet tool install HyperTune.Cli --version "$tool_version" --add-source "$work/feed" --tool-path "$work/tool" >/dev/null \
  || { echo "the hypertune tool did not install from the feed" >&2; exit 1; }
"$work/tool/hypertune" --help >"$work/tool-help.txt" || { echo "hypertune --help failed" >&2; exit 1; }
grep -q 'studies' "$work/tool-help.txt" || { echo "hypertune --help lists no studies command" >&2; exit 1; }
echo "installed and ran the hypertune tool"

# The package holds the library for net10.0 only and the Roslyn components for the compiler.
listing=$(unzip -Z1 "$pkg")
for entry in lib/net10.0/HyperTune.dll \
             analyzers/dotnet/cs/HyperTune.SourceGenerators.dll \
             analyzers/dotnet/cs/HyperTune.Analyzers.dll \
             analyzers/dotnet/cs/HyperTune.CodeFixes.dll; do
  grep -qx "$entry" <<<"$listing" || { echo "package lacks $entry" >&2; exit 1; }
done
other_frameworks=$(grep '^lib/' <<<"$listing" | grep -v '^lib/net10.0/' || true)
if [ -n "$other_frameworks" ]; then
  echo "package carries a library for another framework: $(head -1 <<<"$other_frameworks")" >&2; exit 1
fi

# The consumer lives outside the repository so none of our build props reach it; its own
# packages folder keeps a stale HyperTune of the same version out of the global cache's way.
cp -r tests/PackageConsumer "$work/consumer"
cat > "$work/consumer/nuget.config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <add key="local" value="$work/feed" />
  </packageSources>
  <config>
    <add key="globalPackagesFolder" value="$work/packages" />
  </config>
</configuration>
XML
# The nuget.org source (or this machine's mirror of it) comes from the user-level configuration.
version=$(basename "$pkg" .nupkg); version=${version#HyperTune.}
dotnet build "$work/consumer/PackageConsumer.csproj" -c Release -p:HyperTuneVersion="$version" -nologo 2>&1 | tee "$work/build.log"
if [ "${PIPESTATUS[0]}" -ne 0 ]; then echo "consumer build failed" >&2; exit 1; fi
for expected in $(sed -n 's/^ *\/\/ expect-diagnostic: *//p' tests/PackageConsumer/*.cs); do
  grep -q "$expected" "$work/build.log" || { echo "consumer build did not report $expected" >&2; exit 1; }
  echo "consumer build reported $expected"
done
dotnet run --project "$work/consumer/PackageConsumer.csproj" -c Release --no-build
