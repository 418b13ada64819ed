#!/usr/bin/env bash
# Installs the `reshore` command precompiled for this machine (ReadyToRun, docs/performance.md "Start-up"): a command starts
# with far less JIT compilation than `dotnet run` or the platform-neutral .NET tool package. Needs the .NET 10 SDK; the build
# takes a few minutes. Run it from anywhere in the repository:
#
#   tools/install-cli.sh                 # into ~/.local (reshore in ~/.local/bin)
#   PREFIX=/opt/reshore tools/install-cli.sh
#
# Uninstall: remove $PREFIX/lib/reshore and $PREFIX/bin/reshore.
set -euo pipefail
cd "$(dirname "$0")/.."
prefix=${PREFIX:-$HOME/.local}
rid=${RID:-$(dotnet --info | awk '$1 == "RID:" { print $2; exit }')}
if [ -z "$rid" ]; then echo "install-cli: cannot tell this machine's runtime identifier; set RID (e.g. RID=linux-x64)." >&2; exit 2; fi
target="$prefix/lib/reshore"
staging=$(mktemp -d)
trap 'rm -rf "$staging"' EXIT
echo "Publishing reshore for $rid (ReadyToRun) ..."
dotnet publish src/Reshore.Cli -c Release -r "$rid" --self-contained false -o "$staging" -nologo -v quiet
# Replace the previous install only once the new one is complete.
mkdir -p "$prefix/lib" "$prefix/bin"
rm -rf "$target.old"
if [ -d "$target" ]; then mv "$target" "$target.old"; fi
mv "$staging" "$target"
rm -rf "$target.old"
cat > "$prefix/bin/reshore" <<LAUNCHER
#!/bin/sh
exec dotnet "$target/reshore.dll" "\$@"
LAUNCHER
chmod +x "$prefix/bin/reshore"
echo "Installed: $prefix/bin/reshore (make sure $prefix/bin is on your PATH)."
