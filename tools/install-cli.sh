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
prefix=${PREFIX:-$HOME/.local}
mkdir -p "$prefix/lib" "$prefix/bin"
prefix=$(cd "$prefix" && pwd)   # absolute, before leaving the caller's folder (it is written into the launcher)
cd "$(dirname "$0")/.."
rid=${RID:-$(dotnet --info | awk '$1 == "RID:" { print $2; exit }')}
if [ -z "$rid" ]; then echo "install-cli: cannot tell this machine's runtime identifier; set RID (e.g. RID=linux-x64)." >&2; exit 2; fi
target="$prefix/lib/reshore"
# Staged next to the target (same file system), so that putting it in place is a rename, not a copy that can stop half-way.
staging=$(mktemp -d "$prefix/lib/.reshore-install.XXXXXX")
trap 'rm -rf "$staging"' EXIT
echo "Publishing reshore for $rid (ReadyToRun) ..."
dotnet publish src/Reshore.Cli -c Release -r "$rid" --self-contained false -o "$staging" -nologo -v quiet
chmod 755 "$staging"   # mktemp makes it private; other users of a shared PREFIX must be able to run it
# Replace the previous install only once the new one is complete.
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
