#!/usr/bin/env bash
# Backs up Tutela's database into one pg_dump archive (custom format: compressed, restorable in parallel, table by
# table), with its SHA-256 beside it, then reads the archive back. Prints the archive's path.
#
#   PGHOST=... PGPORT=5432 PGDATABASE=tutela PGUSER=tutela_backup PGPASSWORD=... ops/backup.sh DIRECTORY
#
# The role must read every institution's rows: row-level security is forced on the tenant tables, even for their owner,
# and pg_dump refuses a table it would see only part of. Give backups a role of their own (docs/operations.md):
#   create role tutela_backup login bypassrls;  grant pg_read_all_data to tutela_backup;
# pg_dump must be of the server's major version (or newer): it refuses an older one.
set -euo pipefail

dir=${1:?usage: backup.sh DIRECTORY}
mkdir -p "$dir"
name="tutela-${PGDATABASE:-tutela}-$(date -u +%Y%m%dT%H%M%SZ).dump"

# One snapshot for the whole database, taken when no serialisation anomaly can touch it, without blocking the portal.
pg_dump --format=custom --serializable-deferrable --file="$dir/$name.part"
mv "$dir/$name.part" "$dir/$name"
(cd "$dir" && sha256sum "$name" > "$name.sha256")
pg_restore --list "$dir/$name" > /dev/null
echo "$dir/$name"
