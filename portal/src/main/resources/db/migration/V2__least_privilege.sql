-- Least privilege for the application role, ${appRole}: it changes only the columns that are its to
-- change, reads people only where the request has a reason to (the person signed in, or members of
-- the tenant bound to the transaction), and reaches everything else through owner-run functions
-- that each do one checked thing. Every function that runs as the owner pins its search_path, so
-- that no object the application role could create is ever resolved in its place.

-- The person on whose behalf the current transaction runs; null when none (background work, sign-in).
create function current_user_id() returns uuid
    language sql stable
    set search_path = pg_catalog, public, pg_temp
as $$ select nullif(current_setting('tutela.user_id', true), '')::uuid $$;
grant execute on function current_user_id() to "${appRole}";

alter function current_tenant_id() set search_path = pg_catalog, public, pg_temp;

-- Column-level rights: who is a platform operator, which account a person is bound to, and whether
-- a tenant is active are not the application role's to write.
revoke update on app_user from "${appRole}";
grant update (display_name, locale) on app_user to "${appRole}";
revoke update on tenant from "${appRole}";
grant update (name, default_locale) on tenant to "${appRole}";

-- People: the signed-in person, and the members of the tenant the transaction is bound to. Nothing
-- else, so a query that forgets a filter lists no other institution's e-mails.
alter table app_user enable row level security;
alter table app_user force row level security;
create policy app_user_self_or_member on app_user for select to "${appRole}"
    using (id = current_user_id()
           or exists (select 1 from membership m where m.user_id = app_user.id and m.tenant_id = current_tenant_id()));
create policy app_user_update_self_or_member on app_user for update to "${appRole}"
    using (id = current_user_id()
           or exists (select 1 from membership m where m.user_id = app_user.id and m.tenant_id = current_tenant_id()));
-- Registering a person (before they ever sign in) is allowed; their row is then read through the
-- tenant they are made a member of.
create policy app_user_register on app_user for insert to "${appRole}" with check (subject is null and not platform_operator);
do $$ begin
    execute format('create policy app_user_owner on app_user to %I using (true) with check (true)', current_user);
end $$;

-- Sign-in: find the person by their Keycloak subject, else bind a *verified* e-mail to it the first
-- time. Returns the person's id and what happened; never another person's row.
create function sign_in(p_subject text, p_email text, p_email_verified boolean, p_display_name text)
    returns table (user_id uuid, outcome text)
    language plpgsql volatile security definer
    set search_path = pg_catalog, public, pg_temp
as $$
declare
    v_id uuid;
    v_subject text;
begin
    select u.id into v_id from app_user u where u.subject = p_subject;
    if found then
        return query select v_id, 'KNOWN'::text;
        return;
    end if;
    if not p_email_verified then
        return query select null::uuid, 'UNVERIFIED'::text;
        return;
    end if;
    insert into app_user (id, email, display_name) values (gen_random_uuid(), lower(p_email), p_display_name)
        on conflict (email) do nothing;
    select u.id, u.subject into v_id, v_subject from app_user u where u.email = lower(p_email) for update;
    if v_subject is not null and v_subject <> p_subject then
        return query select null::uuid, 'EMAIL_TAKEN'::text;
        return;
    end if;
    update app_user set subject = p_subject where id = v_id and subject is null;
    return query select v_id, 'BOUND'::text;
end $$;
revoke all on function sign_in(text, text, boolean, text) from public;
grant execute on function sign_in(text, text, boolean, text) to "${appRole}";

-- Registering a person before their first sign-in: their id, whether they were known or not. The
-- row itself is read later through a membership, like any other member's.
create function register_person(p_email text, p_display_name text)
    returns uuid
    language plpgsql volatile security definer
    set search_path = pg_catalog, public, pg_temp
as $$
declare
    v_id uuid;
begin
    insert into app_user (id, email, display_name) values (gen_random_uuid(), lower(p_email), p_display_name)
        on conflict (email) do nothing;
    select u.id into v_id from app_user u where u.email = lower(p_email);
    return v_id;
end $$;
revoke all on function register_person(text, text) from public;
grant execute on function register_person(text, text) to "${appRole}";

-- What only the platform operator's own services may change; the service checks who asks.
create function set_platform_operator(p_user_id uuid, p_operator boolean)
    returns void
    language sql volatile security definer
    set search_path = pg_catalog, public, pg_temp
as $$ update app_user set platform_operator = p_operator where id = p_user_id $$;
revoke all on function set_platform_operator(uuid, boolean) from public;
grant execute on function set_platform_operator(uuid, boolean) to "${appRole}";

create function set_tenant_status(p_tenant_id uuid, p_status text)
    returns void
    language sql volatile security definer
    set search_path = pg_catalog, public, pg_temp
as $$ update tenant set status = p_status where id = p_tenant_id $$;
revoke all on function set_tenant_status(uuid, text) from public;
grant execute on function set_tenant_status(uuid, text) to "${appRole}";

-- The tenant switcher answers for the signed-in person of the current request only.
create or replace function memberships_of(p_user_id uuid)
    returns table (tenant_id uuid, slug text, tenant_name text, role text)
    language sql stable security definer
    set search_path = pg_catalog, public, pg_temp
as $$
    select t.id, t.slug, t.name, m.role
      from membership m join tenant t on t.id = m.tenant_id
     where m.user_id = p_user_id and p_user_id = current_user_id() and t.status = 'ACTIVE'
     order by t.name, m.role
$$;
