#!/usr/bin/env bash
# A service's container image as an OCI archive, built by the .NET SDK's container publishing (no Docker daemon), on a
# base image made here from Debian packages: mcr.microsoft.com is out of reach, so the base is debootstrap's Debian 12
# plus this machine's ASP.NET Core runtime (base-rootfs.sh), packed as an OCI layout (oci-layout.sh), pushed by skopeo
# into Debian's docker-registry on loopback (registry.sh), and named to the SDK as ContainerBaseImage.
# The base layout is cached under .llmlab/containers/base/<runtime>-bookworm-<recipe hash>, so only the first run (or a
# change of the runtime or of these scripts) runs debootstrap.
# usage: tools/containers/build-image.sh <service> <project.csproj> --output <archive.tar.gz> [--no-build]
#   e.g. tools/containers/build-image.sh gateway gateway/LlmLab.Gateway/LlmLab.Gateway.csproj --output /tmp/gateway.tar.gz
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
here="$repo/tools/containers"
usage() { echo "usage: $0 <service> <project.csproj> --output <archive.tar.gz> [--no-build]" >&2; exit 2; }

[ $# -ge 2 ] || usage
service=$1 project=$2
shift 2
output= build=()
while [ $# -gt 0 ]; do
  case $1 in
    --output) [ $# -ge 2 ] || usage; output=$2; shift 2 ;;
    --no-build) build=(--no-build); shift ;;
    *) usage ;;
  esac
done
[ -n "$output" ] || usage
[ -f "$project" ] || { echo "build-image: no project at $project" >&2; exit 2; }
mkdir -p "$(dirname "$output")"
output=$(cd "$(dirname "$output")" && pwd)/$(basename "$output")
started=$SECONDS

cache=${LLMLAB_CONTAINER_CACHE:-$repo/.llmlab/containers}
mkdir -p "$cache"
exec 9>"$cache/lock"
flock -w 900 9

runtime=$(dotnet --list-runtimes | awk '$1 == "Microsoft.AspNetCore.App" { v = $2 } END { print v }')
[ -n "$runtime" ] || { echo "build-image: dotnet lists no Microsoft.AspNetCore.App runtime" >&2; exit 1; }
recipe=$(cat "$here/base-rootfs.sh" "$here/oci-layout.sh" | sha256sum | cut -c1-12)
tag="$runtime-bookworm-$recipe"
base="$cache/base/$tag"
if [ ! -f "$base/oci/index.json" ]; then
  echo "build-image: building the base image $tag (debootstrap; cached for later runs)"
  rm -rf "$base"
  mkdir -p "$base"
  bash "$here/base-rootfs.sh" "$base/rootfs" "$runtime"
  bash "$here/oci-layout.sh" "$base/rootfs" "$base/oci" "$tag" "$runtime"
  rm -rf "$base/rootfs"   # the compressed layout is what later runs need
fi
echo "build-image: base image ready after $((SECONDS - started)) s"

# shellcheck source=registry.sh
source "$here/registry.sh"
trap registry_stop EXIT
registry_start "$cache/registry"
base_image="$REGISTRY_ADDR/llmlab/dotnet-aspnet:$tag"
skopeo copy --quiet --insecure-policy --dest-tls-verify=false "oci:$base/oci:$tag" "docker://$base_image"

publish_dir="$cache/publish/$service"
rm -rf "$publish_dir" "$output"
extra=()
# The gateway serves the web app: it ships as /app/wwwroot, where the Kubernetes manifests point Spa__Root.
[ "$service" = gateway ] && extra+=(-p:PublishWebApp=true)
# The SDK talks plain HTTP only to registries it is told are insecure ("localhost" always is; 127.0.0.1 is not).
DOTNET_CONTAINER_INSECURE_REGISTRIES="$REGISTRY_ADDR" dotnet publish "$project" -c Release "${build[@]}" -t:PublishContainer \
  -p:ContainerBaseImage="$base_image" -p:ContainerRepository="llmlab/$service" -p:ContainerImageTag=latest \
  -p:ContainerArchiveOutputPath="$output" -p:PublishDir="$publish_dir/" "${extra[@]}" -nologo -v:minimal
[ -s "$output" ] || { echo "build-image: dotnet publish wrote no archive at $output" >&2; exit 1; }
echo "build-image: $output ($(du -h "$output" | cut -f1)) in $((SECONDS - started)) s"
