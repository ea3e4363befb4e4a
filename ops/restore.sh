#!/usr/bin/env bash
# Restores a Tutela backup (ops/backup.sh) into an EMPTY database, in one transaction: either everything is restored or
# nothing is. It refuses an archive whose SHA-256 does not match and a database that already holds tables.
#
#   PGHOST=... PGDATABASE=tutela_restored PGUSER=postgres PGPASSWORD=... ops/restore.sh ARCHIVE
#
# Run it as a superuser (CloudNativePG: the "postgres" user), into a database created for it and owned by the migration
# owner (createdb --owner=tutela_owner tutela_restored): loading rows into tables with forced row-level security and
# giving the objects back to their owner need both. The roles of the dump (the owner and the application role) must
# exist on the server, as on the one backed up.
set -euo pipefail

archive=${1:?usage: restore.sh ARCHIVE}
[ -f "$archive" ] || { echo "restore: no archive at $archive" >&2; exit 2; }
if [ -f "$archive.sha256" ]; then
    (cd "$(dirname "$archive")" && sha256sum --check --quiet "$(basename "$archive").sha256") \
        || { echo "restore: $archive does not match its SHA-256: not restoring" >&2; exit 3; }
else
    echo "restore: no $archive.sha256 beside the archive: not restoring an archive that cannot be checked" >&2
    exit 3
fi

tables=$(psql --no-psqlrc --tuples-only --no-align --command \
    "select count(*) from pg_class c join pg_namespace n on n.oid = c.relnamespace where c.relkind in ('r', 'p') and n.nspname not in ('pg_catalog', 'information_schema', 'pg_toast')")
if [ "$tables" != 0 ]; then
    echo "restore: database ${PGDATABASE:-?} already holds $tables tables: restore into an empty one" >&2
    exit 4
fi

pg_restore --exit-on-error --single-transaction --dbname="${PGDATABASE:?}" "$archive"
psql --no-psqlrc --quiet --command "analyze"
echo "restore: $archive restored into ${PGDATABASE}"
