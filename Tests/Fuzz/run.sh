#!/usr/bin/env bash
# libFuzzer targets for the parsers a hostile file reaches: `scenario` (ScenarioFile.parse, with
# toml++ behind it) and `price` (PriceHistory.parse). Needs a toolchain with -sanitize=fuzzer
# (Swift on Linux has it).
#
#   Tests/Fuzz/run.sh scenario            # fuzz for 60 seconds
#   Tests/Fuzz/run.sh price -max_total_time=3600
#
# Extra arguments go to libFuzzer. The corpus starts from the built-in scenarios (or the test
# price file) and grows in .build/fuzz/corpus-TARGET; a crash is written there as crash-*.
set -euo pipefail
target=${1:?usage: Tests/Fuzz/run.sh scenario|price [libFuzzer flags]}
shift
root=$(cd "$(dirname "$0")/../.." && pwd)
scratch=$root/.build/fuzz
case $target in
  scenario) source=ScenarioFileFuzz.swift ;;
  price) source=PriceFileFuzz.swift ;;
  *) echo "error: unknown fuzz target '$target' (scenario or price)" >&2; exit 2 ;;
esac
swift build -c release --sanitize=fuzzer --target ScalpEngine --scratch-path "$scratch" --package-path "$root"
out=$scratch/release
objects=()
for module in ScalpEngine TOMLKit DequeModule InternalCollectionsUtilities ContainersPreview; do
  objects+=("$out/$module.build"/*.o)
done
objects+=("$out/CTOML.build/Sources"/*.o)
swiftc -O -sanitize=fuzzer -parse-as-library -module-name "Fuzz_$target" \
  -I "$out/Modules" -Xcc "-fmodule-map-file=$out/CTOML.build/module.modulemap" \
  "$root/Tests/Fuzz/$source" "${objects[@]}" -lstdc++ -o "$scratch/fuzz-$target"
corpus=$scratch/corpus-$target
mkdir -p "$corpus"
if [ -z "$(ls -A "$corpus")" ]; then
  if [ "$target" = scenario ]; then
    for name in $(swift run --package-path "$root" -c release gammascalp scenarios --json 2>/dev/null \
                  | grep -o '"name":"[^"]*"' | cut -d'"' -f4); do
      swift run --package-path "$root" -c release gammascalp scenarios --show "$name" > "$corpus/$name.toml"
    done
  else
    cp "$root/Tests/ScalpEngineTests/Fixtures/goog-daily-ohlc.csv" "$corpus/"
  fi
fi
cd "$scratch"
# The Swift runtime's backtracer would catch the abort before libFuzzer could save the input.
SWIFT_BACKTRACE=enable=no "./fuzz-$target" -max_total_time=60 -artifact_prefix="$corpus/" "$@" "$corpus"
