-- The tenant lifecycle run by the platform operator (tenant-admin's TenantLifecycle, from the console or
-- the command line): provisioning that can be resumed, suspension, exports, deletion, and the
-- platform's own audit stream of those actions.

-- PROVISIONING: claimed by a run that has not finished yet; invisible to members, resumable.
alter table tenant drop constraint tenant_status_check;
alter table tenant
    add constraint tenant_status_check check (status in ('PROVISIONING', 'ACTIVE', 'SUSPENDED')),
    add column organization_id        text        check (length(organization_id) <= 64),
    add column status_changed_at      timestamptz not null default now(),
    -- The administrator named at creation; the portal invites them (once) as soon as the tenant is active.
    add column first_admin_email      text        check (length(first_admin_email) <= 254),
    add column first_admin_invited_at timestamptz;

drop policy tenant_registered on tenant;
create policy tenant_registered on tenant for insert to "${appRole}" with check (status in ('PROVISIONING', 'ACTIVE'));
grant update (organization_id, first_admin_invited_at) on tenant to "${appRole}";

-- Status changes, with the time of the change; the service checks who asks and which transition is allowed.
create or replace function set_tenant_status(p_tenant_id uuid, p_status text)
    returns void
    language sql volatile security definer
    set search_path = pg_catalog, public, pg_temp
as $$ update tenant set status = p_status, status_changed_at = now() where id = p_tenant_id $$;

-- Every export of a tenant: what delete requires (one finished in the last 24 hours), and the archive
-- itself when the portal made it (the command line writes it to a file instead). Deleted with the tenant.
create table tenant_export (
    tenant_id     uuid        not null references tenant (id),
    id            uuid        not null,
    requested_by  text        not null check (length(requested_by) <= 300),
    status        text        not null default 'RUNNING' check (status in ('RUNNING', 'DONE', 'FAILED')),
    created_at    timestamptz not null default now(),
    finished_at   timestamptz,
    file_name     text        check (length(file_name) <= 200),
    sha256        text        check (sha256 ~ '^[0-9a-f]{64}$'),
    size_bytes    bigint,
    row_count     bigint,
    content       bytea,
    primary key (tenant_id, id)
);
alter table tenant_export enable row level security;
alter table tenant_export force row level security;
create policy tenant_export_tenant_isolation on tenant_export
    using (tenant_id = current_tenant_id())
    with check (tenant_id = current_tenant_id());
grant select, insert, update on tenant_export to "${appRole}";

-- The platform operator's actions, across tenants and outliving a deleted one: append-only and
-- hash-chained like a tenant's trail. It names a tenant by id and slug, never its people.
create table platform_audit_entry (
    seq              bigint      primary key check (seq > 0),
    occurred_at      timestamptz not null,
    actor_label      text        not null check (length(actor_label) <= 300),
    action           text        not null check (length(action) <= 100),
    target_tenant_id uuid,
    target_slug      text,
    summary          text        not null,
    previous_hash    text        not null,
    hash             text        not null
);
create index platform_audit_entry_by_slug on platform_audit_entry (target_slug, seq desc);
grant select, insert on platform_audit_entry to "${appRole}";

-- Keycloak work left after a tenant's rows were deleted: its organization, and the accounts of people
-- who belonged to no other tenant. Retried until done, then removed.
create table directory_cleanup (
    id              uuid        primary key,
    tenant_slug     text        not null,
    organization_id text,
    user_subject    text,
    user_email      text,
    created_at      timestamptz not null default now(),
    attempts        int         not null default 0,
    last_error      text,
    check ((organization_id is null) <> (user_email is null))
);
grant select, insert, update, delete on directory_cleanup to "${appRole}";

-- The owner reads every tenant's audit trail only for the overview below; it deletes a tenant's rows
-- only inside delete_tenant (the trail has no other delete policy: it stays append-only).
do $$ begin
    execute format('create policy audit_entry_owner_reads on audit_entry for select to %I using (true)', current_user);
    execute format('create policy audit_entry_erased_with_tenant on audit_entry for delete to %I using (tenant_id = current_tenant_id())', current_user);
end $$;

-- The operator console's list: each tenant with its member count and last activity (its newest audit entry).
create function tenant_overview()
    returns table (id uuid, slug text, name text, country text, status text, created_at timestamptz,
                   status_changed_at timestamptz, organization_id text, members bigint, last_activity timestamptz)
    language sql stable security definer
    set search_path = pg_catalog, public, pg_temp
as $$
    select t.id, t.slug, t.name, t.country, t.status, t.created_at, t.status_changed_at, t.organization_id,
           (select count(distinct m.user_id) from membership m where m.tenant_id = t.id),
           (select max(a.occurred_at) from audit_entry a where a.tenant_id = t.id)
      from tenant t
     order by t.slug
$$;
revoke all on function tenant_overview() from public;
grant execute on function tenant_overview() to "${appRole}";

-- Removes every row of a tenant, in the caller's transaction: every table with a tenant_id (children
-- before parents), its memberships, the accounts of people who belong to no other tenant (never a
-- platform operator's), their portal sessions, the domain events that name it, and the tenant itself.
-- Refused unless an export finished in the last 24 hours; a second run at once fails on the row lock.
-- Returns the accounts removed, for their Keycloak side.
create function delete_tenant(p_tenant_id uuid)
    returns table (user_subject text, user_email text)
    language plpgsql volatile security definer
    set search_path = pg_catalog, public, pg_temp
as $$
declare
    v_table text;
    v_user record;
    v_ids uuid[] := '{}';
    v_subjects text[] := '{}';
    v_emails text[] := '{}';
begin
    perform 1 from tenant where id = p_tenant_id for update nowait;
    if not found then
        raise exception using errcode = 'TU404', message = 'no such tenant';
    end if;
    perform set_config('tutela.tenant_id', p_tenant_id::text, true);
    if not exists (select 1 from tenant_export e
                    where e.tenant_id = p_tenant_id and e.status = 'DONE' and e.finished_at > now() - interval '24 hours') then
        raise exception using errcode = 'TU412', message = 'no export in the last 24 hours';
    end if;
    for v_user in
        select u.id, u.subject, u.email from app_user u
         where exists (select 1 from membership m where m.user_id = u.id and m.tenant_id = p_tenant_id)
           and not exists (select 1 from membership m where m.user_id = u.id and m.tenant_id <> p_tenant_id)
           and not u.platform_operator
    loop
        v_ids := v_ids || v_user.id;
        v_subjects := v_subjects || v_user.subject;
        v_emails := v_emails || v_user.email;
    end loop;
    for v_table in
        with recursive owned as (
            select c.oid, c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
             where n.nspname = 'public' and c.relkind = 'r'
               and exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped)),
        refs as (
            select f.conrelid as child, f.confrelid as parent from pg_constraint f
             where f.contype = 'f' and f.conrelid <> f.confrelid
               and f.conrelid in (select oid from owned) and f.confrelid in (select oid from owned)),
        depth (oid, d) as (
            select oid, 0 from owned
            union all
            select r.child, depth.d + 1 from depth join refs r on r.parent = depth.oid where depth.d < 50)
        select o.relname from owned o join (select oid, max(d) as d from depth group by oid) x on x.oid = o.oid
         order by x.d desc, o.relname
    loop
        execute format('delete from %I where tenant_id = $1', v_table) using p_tenant_id;
    end loop;
    delete from portal_session s where s.subject = any (v_subjects);
    for i in 1 .. coalesce(array_length(v_ids, 1), 0) loop
        begin
            delete from app_user u where u.id = v_ids[i];
            user_subject := v_subjects[i];
            user_email := v_emails[i];
            return next;
        exception when foreign_key_violation then
            null; -- still named by a row elsewhere (an old invitation in another tenant): the account stays
        end;
    end loop;
    delete from event_publication p where p.serialized_event like '%' || p_tenant_id::text || '%';
    delete from tenant where id = p_tenant_id;
end $$;
revoke all on function delete_tenant(uuid) from public;
grant execute on function delete_tenant(uuid) to "${appRole}";
