#!/usr/bin/env bash
# Packs a root file system as a one-layer OCI image layout (what `skopeo copy oci:…` reads): a reproducible gzip tar
# (sorted, fixed times, numeric owners), its config (user 1654, APP_UID, the runtime's variables) and manifest.
# usage: oci-layout.sh <rootfs> <layout folder> <tag> <runtime version>
set -euo pipefail
rootfs=$1 layout=$2 tag=$3 runtime=$4
epoch=${SOURCE_DATE_EPOCH:-0}
created=$(date -u -d "@$epoch" +%Y-%m-%dT%H:%M:%SZ)

rm -rf "$layout"
mkdir -p "$layout/blobs/sha256"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

tar --sort=name --numeric-owner --mtime="@$epoch" --clamp-mtime \
  --pax-option=exthdr.name=%d/PaxHeaders/%f,delete=atime,delete=ctime -C "$rootfs" -cf "$work/layer.tar" .
diff_id=$(sha256sum "$work/layer.tar" | cut -d' ' -f1)
gzip -n -6 "$work/layer.tar"
layer_digest=$(sha256sum "$work/layer.tar.gz" | cut -d' ' -f1)
layer_size=$(stat -c %s "$work/layer.tar.gz")
mv "$work/layer.tar.gz" "$layout/blobs/sha256/$layer_digest"

# Compact JSON written once, so the digest is of exactly these bytes.
blob() { local file="$work/blob"; jq -cS . > "$file"; local d; d=$(sha256sum "$file" | cut -d' ' -f1)
  mv "$file" "$layout/blobs/sha256/$d"; echo "$d $(stat -c %s "$layout/blobs/sha256/$d")"; }

read -r config_digest config_size < <(jq -n --arg created "$created" --arg diff "sha256:$diff_id" --arg runtime "$runtime" '{
  created: $created, architecture: "amd64", os: "linux",
  config: {
    User: "1654",
    Env: [
      "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
      "APP_UID=1654", "ASPNETCORE_HTTP_PORTS=8080", "DOTNET_RUNNING_IN_CONTAINER=true",
      ("DOTNET_VERSION=" + $runtime), ("ASPNET_VERSION=" + $runtime)
    ],
    WorkingDir: "/"
  },
  rootfs: { type: "layers", diff_ids: [$diff] },
  history: [{ created: $created, created_by: "tools/containers/base-rootfs.sh (debootstrap bookworm minbase + ASP.NET Core runtime)" }]
}' | blob)

read -r manifest_digest manifest_size < <(jq -n --arg cd "sha256:$config_digest" --argjson cs "$config_size" \
  --arg ld "sha256:$layer_digest" --argjson ls "$layer_size" '{
  schemaVersion: 2, mediaType: "application/vnd.oci.image.manifest.v1+json",
  config: { mediaType: "application/vnd.oci.image.config.v1+json", digest: $cd, size: $cs },
  layers: [{ mediaType: "application/vnd.oci.image.layer.v1.tar+gzip", digest: $ld, size: $ls }]
}' | blob)

jq -n --arg d "sha256:$manifest_digest" --argjson s "$manifest_size" --arg tag "$tag" '{
  schemaVersion: 2,
  manifests: [{ mediaType: "application/vnd.oci.image.manifest.v1+json", digest: $d, size: $s,
    platform: { architecture: "amd64", os: "linux" }, annotations: { "org.opencontainers.image.ref.name": $tag } }]
}' > "$layout/index.json"
echo '{"imageLayoutVersion":"1.0.0"}' > "$layout/oci-layout"
