#!/usr/bin/env bash
# PostgreSQL 18's client programs (pg_dump, pg_restore, psql) for the tests of ops/backup.sh and ops/restore.sh against
# the embedded PostgreSQL 18: this machine's Debian ships only 15's, which refuses a newer server. Debian unstable has
# 18's; its C library is newer than this machine's, so each program runs through that distribution's own loader.
#
#   pg-client.sh DEST      (then put DEST/bin first on PATH)
set -euo pipefail

dest=$(mkdir -p "$1" && cd "$1" && pwd)
[ -x "$dest/bin/pg_dump" ] && exit 0
root=$dest/root
"$(dirname "$0")/../../image/debian-packages.sh" sid "$root" postgresql-client-18 > "$dest/packages"
mkdir -p "$dest/bin"
for program in pg_dump pg_restore psql; do
    cat > "$dest/bin/$program" <<WRAPPER
#!/bin/sh
exec "$root/usr/lib64/ld-linux-x86-64.so.2" --library-path "$root/usr/lib/x86_64-linux-gnu" "$root/usr/lib/postgresql/18/bin/$program" "\$@"
WRAPPER
    chmod +x "$dest/bin/$program"
done
"$dest/bin/pg_dump" --version
