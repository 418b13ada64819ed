#!/usr/bin/env bash
# Installs the `reshore` command precompiled for this machine (docs/performance.md "Start-up" and "Native CLI"):
# - every command as .NET code compiled ahead of time (ReadyToRun): far less JIT compilation than `dotnet run`;
# - `evaluate` and `simulate` also as a native program for this processor (Native AOT): they start in milliseconds. The
#   launcher sends those two commands to it (RESHORE_NATIVE=0 sends them to .NET too). Its build needs a C compiler and
#   linker (gcc or clang); without one, the install goes on without it and says so.
# Needs the .NET 10 SDK; the build takes a few minutes. Run it from anywhere in the repository:
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
echo "Compiling evaluate and simulate natively for this processor (Native AOT) ..."
native_build="$staging/.native-build"
if dotnet publish src/Reshore.Cli.Native -c Release -r "$rid" -o "$native_build" -nologo -v quiet >"$staging/.native.log" 2>&1; then
  mkdir -p "$staging/native"
  mv "$native_build/reshore" "$staging/native/reshore"   # one self-contained file: the rest of the folder is debug symbols
else
  echo "install-cli: the native build failed (see below); evaluate and simulate will run in .NET, like every other command." >&2
  tail -n 20 "$staging/.native.log" >&2
fi
rm -rf "$native_build" "$staging/.native.log"
chmod 755 "$staging"   # mktemp makes it private; other users of a shared PREFIX must be able to run it
# Replace the previous install only once the new one is complete.
rm -rf "$target.old"
if [ -d "$target" ]; then mv "$target" "$target.old"; fi
mv "$staging" "$target"
rm -rf "$target.old"
cat > "$prefix/bin/reshore" <<LAUNCHER
#!/bin/sh
# reshore launcher (tools/install-cli.sh): evaluate and simulate run natively when that build is installed, every other
# command (and --help, --version) in .NET. RESHORE_NATIVE=0 runs them in .NET as well.
native="$target/native/reshore"
if [ "\${RESHORE_NATIVE:-1}" != 0 ] && [ -x "\$native" ]; then
  skip=
  for arg in "\$@"; do
    if [ -n "\$skip" ]; then skip=; continue; fi
    case "\$arg" in
      --lang) skip=1 ;;
      -*) ;;
      evaluate|simulate) exec "\$native" "\$@" ;;
      *) break ;;
    esac
  done
fi
exec dotnet "$target/reshore.dll" "\$@"
LAUNCHER
chmod +x "$prefix/bin/reshore"
echo "Installed: $prefix/bin/reshore (make sure $prefix/bin is on your PATH)."
