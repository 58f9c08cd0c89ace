#!/usr/bin/env bash
# The base image's file system, from Debian packages only: a minimal Debian 12 (debootstrap --variant=minbase) with
# what the .NET runtime loads (ICU, OpenSSL, CA certificates, time zones), the ASP.NET Core shared runtime of this
# machine's .NET installation under /usr/share/dotnet, and the user `app` (uid/gid 1654, like the .NET images' APP_UID).
# usage: base-rootfs.sh <folder> <runtime version>   (the folder must not exist; debootstrap's chroot needs root)
set -euo pipefail
rootfs=$1
runtime=$2
mirror=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
app_uid=1654

[ ! -e "$rootfs" ] || { echo "base-rootfs: $rootfs exists" >&2; exit 1; }
[ "$(id -u)" -eq 0 ] || { echo "base-rootfs: debootstrap needs root (or a cached base image under .llmlab/containers)" >&2; exit 1; }

debootstrap --variant=minbase --include=ca-certificates,libicu72,libssl3,tzdata bookworm "$rootfs" "$mirror" >&2

# Downloaded packages, package lists, logs, manuals and translations are not needed at run time; the copyright files
# stay (the image redistributes the packages).
rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/* "$rootfs"/var/log/* \
  "$rootfs"/usr/share/man/* "$rootfs"/usr/share/info/* "$rootfs"/usr/share/locale/* "$rootfs"/var/cache/debconf/*-old
find "$rootfs/usr/share/doc" -mindepth 1 -not -name copyright -not -type d -delete
find "$rootfs/dev" -mindepth 1 -delete   # the container runtime mounts /dev

# The shared runtimes (Microsoft.NETCore.App and Microsoft.AspNetCore.App) the machine's dotnet host runs.
dotnet_root=$(dirname "$(readlink -f "$(command -v dotnet)")")
target="$rootfs/usr/share/dotnet"
mkdir -p "$target/shared" "$target/host/fxr"
cp -a "$dotnet_root/dotnet" "$dotnet_root/LICENSE.txt" "$dotnet_root/ThirdPartyNotices.txt" "$target/"
cp -a "$dotnet_root/host/fxr/$(ls "$dotnet_root/host/fxr" | sort -V | tail -1)" "$target/host/fxr/"
for framework in Microsoft.NETCore.App Microsoft.AspNetCore.App; do
  mkdir -p "$target/shared/$framework"
  cp -a "$dotnet_root/shared/$framework/$runtime" "$target/shared/$framework/"
done
ln -s /usr/share/dotnet/dotnet "$rootfs/usr/bin/dotnet"

echo "app:x:$app_uid:$app_uid::/home/app:/usr/sbin/nologin" >> "$rootfs/etc/passwd"
echo "app:x:$app_uid:" >> "$rootfs/etc/group"
echo "app:!:19000::::::" >> "$rootfs/etc/shadow"
install -d -o "$app_uid" -g "$app_uid" -m 0755 "$rootfs/home/app"
