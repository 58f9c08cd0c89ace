#!/usr/bin/env bash
# Replaces every managed assembly in a service's output folder with its ReadyToRun image (crossgen2), compiled once per
# distinct input and hard-linked from a cache shared by every service, so that the services start on precompiled code
# and map the same image files (their pages are shared between the processes). Run by the build (Directory.Build.targets);
# docs/operations.md, "ReadyToRun images", says why and what it measured.
#   ready-to-run.sh <output folder> <crossgen2> <dotnet root> <framework name>...
set -euo pipefail
out="${1:?output folder}"; crossgen="${2:?crossgen2}"; dotnet_root="${3:?dotnet root}"; shift 3
if [[ ! -x "$crossgen" ]]; then
  echo "ready-to-run: error: crossgen2 not found at $crossgen (restore downloads Microsoft.NETCore.App.Crossgen2.linux-x64)" >&2
  exit 1
fi
cache="$(cd "$(dirname "$0")/../.." && pwd)/obj/ready-to-run"
mkdir -p "$cache/images" "$cache/outputs" "$cache/skipped"
refs=(-r:"$out/*.dll")
for framework in "$@"; do
  # The newest installed runtime of the framework: ReadyToRun code stays valid across its patch versions.
  folder=$(ls -d "$dotnet_root/shared/$framework"/10.* | sort -V | tail -1)
  refs+=(-r:"$folder/*.dll")
done
compiled=0; linked=0
for assembly in "$out"/*.dll; do
  sum=$(sha256sum "$assembly" | cut -c1-64)
  [[ -e "$cache/outputs/$sum" || -e "$cache/skipped/$sum" ]] && continue
  image="$cache/images/$sum.dll"
  if [[ ! -e "$image" ]]; then
    partial="$image.$$.tmp"
    # Not IL (a native library), already precompiled, or not compilable: the assembly stays as it is.
    if ! "$crossgen" "$assembly" -o:"$partial" --targetos:linux --targetarch:x64 -O "${refs[@]}" >"$partial.log" 2>&1; then
      touch "$cache/skipped/$sum"; rm -f "$partial" "$partial.log"; continue
    fi
    rm -f "$partial.log"
    touch "$cache/outputs/$(sha256sum "$partial" | cut -c1-64)"
    mv -f "$partial" "$image"
    compiled=$((compiled + 1))
  fi
  ln -f "$image" "$assembly"
  linked=$((linked + 1))
done
echo "ready-to-run: $out: $linked assemblies precompiled ($compiled compiled now)"
