#!/usr/bin/env bash
# Builds the one file a class server needs: gammascalp with the Swift runtime linked in
# (--static-swift-stdlib), stripped. Then checks, with ldd, that it links no Swift library
# and nothing from the toolchain's folder, and that it runs with an empty environment.
#
# Usage: Tests/Hosting/build-class-binary.sh [OUT]   (default OUT: .build/class/gammascalp)
# Copy OUT to the server's /usr/local/bin; the server needs libncursesw6 (and the C and C++
# runtimes every Debian has), nothing of Swift.
set -euo pipefail
cd "$(dirname "$0")/../.."
export PATH="/opt/swift/usr/bin:$PATH"
out="${1:-.build/class/gammascalp}"

swift build -c release --static-swift-stdlib --product gammascalp
bin="$(swift build -c release --static-swift-stdlib --show-bin-path)/gammascalp"
mkdir -p "$(dirname "$out")"
cp "$bin" "$out"
strip "$out"

toolchain="$(dirname "$(dirname "$(command -v swift)")")"
libraries="$(ldd "$out")"
echo "$libraries"
if grep -Eq 'libswift|libFoundation|lib_FoundationICU|libdispatch|libBlocksRuntime' <<<"$libraries"; then
    echo "error: $out links a Swift library (see above)" >&2
    exit 1
fi
if grep -Fq "$toolchain" <<<"$libraries"; then
    echo "error: $out links a library from the toolchain's folder $toolchain" >&2
    exit 1
fi
if grep -q 'not found' <<<"$libraries"; then
    echo "error: $out needs a library this machine lacks (see above)" >&2
    exit 1
fi
version="$(env -i "$out" --version)" || { echo "error: $out does not run with an empty environment" >&2; exit 1; }
echo "ok: $out ($version, $(du -h "$out" | cut -f1) stripped) links no Swift library"
