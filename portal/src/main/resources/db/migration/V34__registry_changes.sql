-- Which transactions changed an institution's registry (its people, their links): one row per transaction, written by
-- a statement-level trigger. An import compares it with the snapshot its preview recorded: when no transaction the
-- preview could not see has changed the registry since, the preview's checks against the registry still hold, and
-- the import merges what the preview settled without checking it again. Nothing is serialised: each writer adds its
-- own row, and rows are forgotten by the next preview of the institution, or once a day when no import waits.
create table registry_change (
    tenant_id uuid not null references tenant (id),
    xact      xid8 not null,
    primary key (tenant_id, xact)
);
alter table registry_change enable row level security;
alter table registry_change force row level security;
create policy registry_change_tenant_isolation on registry_change
    using (tenant_id = (select current_tenant_id())) with check (tenant_id = (select current_tenant_id()));
grant select, delete on registry_change to "${appRole}";

-- Runs as the owner (the application role only reads and forgets the rows); a write with no institution bound can
-- only be a superuser's maintenance, which is not noted.
create function registry_changed() returns trigger language plpgsql security definer
    set search_path = pg_catalog, public, pg_temp as $$
begin
    if current_tenant_id() is not null then
        insert into registry_change (tenant_id, xact) values (current_tenant_id(), pg_current_xact_id()) on conflict do nothing;
    end if;
    return null;
end $$;
create trigger person_changed after insert or update or delete on person
    for each statement execute function registry_changed();
create trigger guardianship_changed after insert or update or delete on guardianship
    for each statement execute function registry_changed();

-- The snapshot a preview began with: what it could see of the registry.
alter table roster_import add column preview_snapshot pg_snapshot;

-- What the preview settled against the registry, kept beside its rows (V32) for an import that finds the registry
-- unchanged: the links as resolved, the rows the registry refused (as problems), the people and links a full list
-- removes.
create type roster_kept_guardianship_row as (
    n bigint, file text, line bigint, from_id text, to_id text, guardian_id text, child_id text, relationship text,
    responsibility boolean
);
create type roster_kept_removal_row as (person_id uuid, guardian_id uuid, child_id uuid);
create unlogged table roster_kept_guardianship (
    tenant_id uuid not null, import_id uuid not null, seq bigint generated always as identity,
    rows roster_kept_guardianship_row[] not null, primary key (tenant_id, import_id, seq)
);
create unlogged table roster_kept_verdict (
    tenant_id uuid not null, import_id uuid not null, seq bigint generated always as identity,
    rows roster_kept_problem_row[] not null, primary key (tenant_id, import_id, seq)
);
create unlogged table roster_kept_removal (
    tenant_id uuid not null, import_id uuid not null, seq bigint generated always as identity,
    rows roster_kept_removal_row[] not null, primary key (tenant_id, import_id, seq)
);
do $$
declare
    kept text;
begin
    foreach kept in array array['roster_kept_guardianship', 'roster_kept_verdict', 'roster_kept_removal'] loop
        execute format('alter table %I enable row level security', kept);
        execute format('alter table %I force row level security', kept);
        execute format('create policy %I on %I using (tenant_id = (select current_tenant_id())) with check (tenant_id = (select current_tenant_id()))',
                       kept || '_tenant_isolation', kept);
        execute format('alter table %I alter column rows set storage external', kept);
    end loop;
end $$;
grant select, insert, delete on roster_kept_guardianship, roster_kept_verdict, roster_kept_removal to "${appRole}";
