#!/usr/bin/env bash
# Runs an image archive's entrypoint without a container engine, to see that the image works: its layers unpacked into
# a folder (in order; whiteout files are not handled, the SDK's images have none), then, in a private mount namespace
# with /proc and /dev mounted, `chroot --userspec=<the config's User>` into it with the config's Env, WorkingDir and
# Entrypoint + Cmd. Needs root (mount, chroot); the network is the host's.
# usage: run-image.sh <archive.tar> <folder> [NAME=VALUE ...]   (the folder is replaced; extra variables are added)
set -euo pipefail
archive=$1 root=$2
shift 2
[ "$(id -u)" -eq 0 ] || { echo "run-image: needs root (mount, chroot)" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
tar -xf "$archive" -C "$work"
blob() { echo "$work/blobs/${1/://}"; }
manifest=$(blob "$(jq -r '.manifests[0].digest' "$work/index.json")")
config=$(blob "$(jq -r '.config.digest' "$manifest")")

rm -rf "$root"
mkdir -p "$root"
for layer in $(jq -r '.layers[].digest' "$manifest"); do
  tar -xzf "$(blob "$layer")" -C "$root" --numeric-owner
done
mkdir -p "$root/proc" "$root/dev"

user=$(jq -r '.config.User // "0"' "$config")
workdir=$(jq -r '.config.WorkingDir // "/"' "$config")
mapfile -t env < <(jq -r '.config.Env // [] | .[]' "$config")
mapfile -t command < <(jq -r '(.config.Entrypoint // []) + (.config.Cmd // []) | .[]' "$config")
[[ $user == *:* ]] || user="$user:$user"
rm -rf "$work"   # exec below replaces this shell, so its EXIT trap would not run
trap - EXIT

exec unshare --mount --propagation private /bin/bash -c '
  root=$1; user=$2; workdir=$3; shift 3
  mount -t proc proc "$root/proc"
  mount --rbind /dev "$root/dev"
  exec /usr/sbin/chroot --userspec="$user" "$root" /bin/sh -c "cd \"\$0\" && exec \"\$@\"" "$workdir" "$@"
' run-image "$root" "$user" "$workdir" env -i "${env[@]}" "$@" "${command[@]}"
