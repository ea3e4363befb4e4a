#!/usr/bin/env bash
# Unpacks Debian packages, with everything they depend on, into a folder, without root and without touching the
# machine's own apt state: a private apt with its own lists, checked against Debian's archive keys.
#
#   debian-packages.sh SUITES DEST [--pins FILE] PACKAGE[=VERSION]...
#
# SUITES is a comma-separated list (bookworm,bookworm-updates). With --pins, every package apt resolves must be listed
# in FILE at exactly the version apt chose: the result is then pinned, dependencies included, and a package the
# archive no longer serves fails the build with its name instead of drifting.
set -euo pipefail

suites=$1 dest=$2
shift 2
pins=
if [ "${1:-}" = --pins ]; then
    pins=$2
    shift 2
fi

apt_dir=$(mktemp -d)
trap 'rm -rf "$apt_dir"' EXIT
mkdir -p "$apt_dir"/etc/apt/{sources.list.d,preferences.d,apt.conf.d,trusted.gpg.d} \
    "$apt_dir"/var/lib/apt/lists/partial "$apt_dir"/var/cache/apt/archives/partial "$apt_dir"/var/lib/dpkg
: > "$apt_dir/var/lib/dpkg/status"
for suite in ${suites//,/ }; do
    case $suite in
        *-security) echo "deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://deb.debian.org/debian-security $suite main" ;;
        *) echo "deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://deb.debian.org/debian $suite main" ;;
    esac
done > "$apt_dir/etc/apt/sources.list"

apt_options=(-q -o "Dir=$apt_dir" -o "Dir::State::status=$apt_dir/var/lib/dpkg/status" -o APT::Architecture=amd64
    -o Debug::NoLocking=1 -o APT::Install-Recommends=false -o APT::Install-Suggests=false)
apt-get "${apt_options[@]}" update > "$apt_dir/update.log" 2>&1 || { cat "$apt_dir/update.log" >&2; exit 1; }
if ! apt-get "${apt_options[@]}" -y install --download-only "$@" > "$apt_dir/install.log" 2>&1; then
    cat "$apt_dir/install.log" >&2
    echo "debian-packages: Debian no longer serves one of: $*; update the pins" >&2
    exit 1
fi

mkdir -p "$dest"
for deb in "$apt_dir"/var/cache/apt/archives/*.deb; do
    name=$(dpkg-deb --field "$deb" Package)
    version=$(dpkg-deb --field "$deb" Version)
    if [ -n "$pins" ] && ! grep -qxF "$name=$version" "$pins"; then
        echo "debian-packages: $name=$version is not pinned in $pins" >&2
        exit 1
    fi
    dpkg-deb --extract "$deb" "$dest"
    echo "$name=$version"
done
