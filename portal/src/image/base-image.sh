#!/usr/bin/env bash
# Builds the portal's base image without a Docker daemon or a registry, as a `docker save` tarball that Jib reads
# with tar://: the C library from Debian's packages (pinned in base-image.pins) and a Java runtime cut by jlink from
# the JDK that builds the portal (its modules only: no compiler, no debugger agent, no shell). No shell, no package
# manager, a non-root user.
#
#   base-image.sh OUTPUT_TAR
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
out=$1
: "${JAVA_HOME:?the JDK whose runtime goes into the image}"

# Runtime modules: Java SE (java.compiler is only the javax.tools API) and what the portal's libraries reach for
# beyond it: localised dates and numbers (jdk.localedata), Windows-1252 rosters (jdk.charsets), Netty and Hibernate
# (jdk.unsupported), zip file systems, DNS and management beans.
modules=java.se,jdk.charsets,jdk.crypto.cryptoki,jdk.localedata,jdk.management,jdk.naming.dns,jdk.net,jdk.unsupported,jdk.zipfs
uid=10001

inputs=$( (cat "$here/base-image.pins" "$here/base-image.sh" "$JAVA_HOME/release") | sha256sum | cut -c1-64)
if [ -f "$out" ] && [ "$(cat "$out.inputs" 2>/dev/null)" = "$inputs" ]; then
    echo "base-image: $out is up to date"
    exit 0
fi

mkdir -p "$(dirname "$out")"
work=$(mktemp -d "$(dirname "$out")/base-image.XXXXXX")
trap 'rm -rf "$work"' EXIT
root=$work/rootfs
mkdir -p "$root"

mapfile -t packages < <(grep -v '^#' "$here/base-image.pins" | grep .)
"$here/debian-packages.sh" bookworm,bookworm-updates,bookworm-security "$root" --pins "$here/base-image.pins" "${packages[@]}" > "$work/packages"
rm -rf "$root/usr/share/doc" "$root/usr/share/lintian" "$root/usr/share/man" "$root/usr/share/locale" "$root/usr/share/i18n" "$root/sbin" "$root/usr/bin"

"$JAVA_HOME/bin/jlink" --add-modules "$modules" --strip-debug --no-man-pages --no-header-files --compress=zip-6 \
    --output "$root/opt/java"

# The user's home is /tmp: the only writable place once the root filesystem is mounted read-only (the chart mounts
# an emptyDir there).
mkdir -p "$root/etc" "$root/tmp" "$root/proc" "$root/sys" "$root/dev"
chmod 1777 "$root/tmp"
printf 'root:x:0:0:root:/root:/sbin/nologin\ntutela:x:%s:%s:Tutela portal:/tmp:/sbin/nologin\n' $uid $uid > "$root/etc/passwd"
printf 'root:x:0:\ntutela:x:%s:\n' $uid > "$root/etc/group"
printf 'hosts: files dns\n' > "$root/etc/nsswitch.conf"

# A reproducible layer: same inputs, same bytes, same digest.
tar --sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner -C "$root" -cf "$work/layer.tar" .
diff_id=sha256:$(sha256sum "$work/layer.tar" | cut -c1-64)

java_version=$(sed -n 's/^JAVA_RUNTIME_VERSION="\(.*\)"/\1/p' "$JAVA_HOME/release")
cat > "$work/config.json" <<JSON
{"architecture":"amd64","os":"linux","created":"1970-01-01T00:00:00Z",
 "config":{"User":"$uid:$uid","WorkingDir":"/tmp",
  "Env":["PATH=/opt/java/bin:/usr/bin:/bin","JAVA_HOME=/opt/java","LANG=C.UTF-8","HOME=/tmp"],
  "Labels":{"eu.tutela.base.java":"$java_version","eu.tutela.base.debian":"$(paste -sd' ' "$work/packages")"}},
 "rootfs":{"type":"layers","diff_ids":["$diff_id"]},
 "history":[{"created":"1970-01-01T00:00:00Z","created_by":"portal/src/image/base-image.sh"}]}
JSON
printf '[{"Config":"config.json","RepoTags":["tutela/portal-base:java-%s"],"Layers":["layer.tar"]}]\n' "${java_version//+/_}" > "$work/manifest.json"

tar --mtime=@0 --owner=0 --group=0 --numeric-owner -C "$work" -cf "$out.part" manifest.json config.json layer.tar
mv "$out.part" "$out"
echo "$inputs" > "$out.inputs"
echo "base-image: $out ($(du -h "$out" | cut -f1), Java $java_version, $(paste -sd' ' "$work/packages"))"
