-- What the roster row said when an import last wrote the person: a fingerprint (SHA-256, 16 bytes) of the row as read,
-- with its birth date, role and links from the other files and the reading rules' version. A re-import of the same
-- roster sets the rows whose fingerprint is unchanged aside from every check and comparison: only what changed costs.
-- The import stores it only for a row taken whole (the row and every link it states accepted).
alter table person add column import_fingerprint bytea check (length(import_fingerprint) = 16);

-- Any other change of the person (the form, a rectification, a restriction, a deactivation, an erasure's neighbours)
-- forgets the fingerprint, so the next import compares that row again. The import writes it in the same statement.
create function person_fingerprint_forgotten() returns trigger language plpgsql as $$
begin
    if new.import_fingerprint is not distinct from old.import_fingerprint and new is distinct from old then
        new.import_fingerprint := null;
    end if;
    return new;
end $$;
create trigger person_fingerprint_forgotten before update on person
    for each row when (old.import_fingerprint is not null) execute function person_fingerprint_forgotten();

-- A link added, changed or removed by anything but an import's merge (which says so for its transaction) forgets the
-- fingerprints of both people: the rows that state the link are compared again. Added or changed: row by row, and not
-- at all while an import merges (the condition is checked as each row is written, so the tens of thousands of links a
-- first import writes queue nothing). Removed: once per statement over the removed links (deleting an institution's
-- links is one update of its people, not one per link).
create function guardianship_fingerprints_forgotten() returns trigger language plpgsql as $$
begin
    update person set import_fingerprint = null
     where tenant_id = new.tenant_id and id in (new.guardian_id, new.child_id) and import_fingerprint is not null;
    if tg_op = 'UPDATE' and (old.guardian_id, old.child_id) is distinct from (new.guardian_id, new.child_id) then
        update person set import_fingerprint = null
         where tenant_id = old.tenant_id and id in (old.guardian_id, old.child_id) and import_fingerprint is not null;
    end if;
    return null;
end $$;
create trigger guardianship_written after insert or update on guardianship
    for each row when (current_setting('tutela.roster_merge', true) is distinct from 'on')
    execute function guardianship_fingerprints_forgotten();

create function guardianship_removed_fingerprints_forgotten() returns trigger language plpgsql as $$
begin
    if current_setting('tutela.roster_merge', true) = 'on' then
        return null;
    end if;
    update person p set import_fingerprint = null
     where p.import_fingerprint is not null
       and ((p.tenant_id, p.id) in (select tenant_id, guardian_id from removed_links)
            or (p.tenant_id, p.id) in (select tenant_id, child_id from removed_links));
    return null;
end $$;
create trigger guardianship_removed after delete on guardianship referencing old table as removed_links
    for each statement execute function guardianship_removed_fingerprints_forgotten();

-- The rows a preview read and checked, kept for the import that follows its confirmation (the import merges what the
-- preview showed without reading and checking the files again), as plain rows copied by one statement each way instead
-- of V11's binary COPY through the application. Unlogged: they are a cache of what the stored files give; a database
-- crash empties them and the import then reads the files again. Deleted once the import is applied or cancelled.
drop table roster_import_stage;

create unlogged table roster_kept_person (
    tenant_id uuid not null, import_id uuid not null, seq bigint generated always as identity (cache 10000),
    file text, line bigint, external_id text not null, kind text, given_name text, family_name text, search_text text,
    birth_date date, class_name text, email text, phone text, language text, job_function text, active boolean,
    relationship text, responsibility boolean, valid boolean, unchanged boolean, fingerprint bytea,
    primary key (tenant_id, import_id, seq)
);
create unlogged table roster_kept_link (
    tenant_id uuid not null, import_id uuid not null, seq bigint generated always as identity (cache 10000),
    file text, line bigint, from_id text, to_id text, relationship text, responsibility boolean,
    primary key (tenant_id, import_id, seq)
);
create unlogged table roster_kept_problem (
    tenant_id uuid not null, import_id uuid not null, seq bigint generated always as identity (cache 10000),
    file text, line bigint, external_id text, field text, message_key text, detail text,
    primary key (tenant_id, import_id, seq)
);
do $$
declare
    kept text;
begin
    foreach kept in array array['roster_kept_person', 'roster_kept_link', 'roster_kept_problem'] loop
        execute format('alter table %I enable row level security', kept);
        execute format('alter table %I force row level security', kept);
        execute format('create policy %I on %I using (tenant_id = (select current_tenant_id())) with check (tenant_id = (select current_tenant_id()))',
                       kept || '_tenant_isolation', kept);
    end loop;
end $$;
grant select, insert, delete on roster_kept_person, roster_kept_link, roster_kept_problem to "${appRole}";

-- The import analyses the registry's tables when a large change left their statistics behind (RegistryStatistics):
-- PostgreSQL 17's MAINTAIN privilege lets the application role do it without owning them (an older server ignores it
-- with a warning, and autovacuum does it a little later).
do $$
begin
    if current_setting('server_version_num')::int >= 170000 then
        execute format('grant maintain on person, guardianship to %I', '${appRole}');
    end if;
end $$;

-- An upload's chunks compressed with LZ4 rather than PostgreSQL's default pglz: several times faster both ways, for a
-- little less compression. A server built without LZ4 keeps pglz.
do $$
begin
    if exists (select 1 from pg_settings where name = 'default_toast_compression' and 'lz4' = any (enumvals)) then
        alter table roster_import_chunk alter column bytes set compression lz4;
    end if;
end $$;
