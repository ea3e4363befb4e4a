-- Tenancy foundations. Flyway runs as the schema owner; the application connects as ${appRole},
-- which owns nothing and is therefore bound by every row-level security policy below.

create table tenant (
    id              uuid        primary key,
    slug            text        not null unique check (slug ~ '^[a-z0-9][a-z0-9-]{0,38}[a-z0-9]$'),
    name            text        not null check (length(name) between 1 and 200),
    country         text        not null check (country ~ '^[A-Z]{2}$'),
    default_locale  text        not null default 'fr' check (default_locale in ('fr', 'en')),
    status          text        not null default 'ACTIVE' check (status in ('ACTIVE', 'SUSPENDED')),
    created_at      timestamptz not null default now()
);

-- One identity across tenants: a parent with children in two schools signs in once.
create table app_user (
    id                  uuid        primary key,
    subject             text        unique,
    email               text        not null unique,
    display_name        text        not null,
    locale              text        check (locale in ('fr', 'en')),
    platform_operator   boolean     not null default false,
    created_at          timestamptz not null default now()
);

create table membership (
    tenant_id   uuid        not null references tenant (id),
    id          uuid        not null,
    user_id     uuid        not null references app_user (id),
    role        text        not null check (role in ('ADMIN', 'DPO', 'STAFF', 'GUARDIAN', 'STUDENT')),
    created_at  timestamptz not null default now(),
    primary key (tenant_id, id),
    unique (tenant_id, user_id, role)
);
create index membership_user on membership (user_id);

-- The tenant of the current transaction; null (and so no row at all) when none was set.
create function current_tenant_id() returns uuid
    language sql stable
as $$ select nullif(current_setting('tutela.tenant_id', true), '')::uuid $$;

alter table membership enable row level security;
alter table membership force row level security;
create policy membership_tenant_isolation on membership
    using (tenant_id = current_tenant_id())
    with check (tenant_id = current_tenant_id());

-- The tenant switcher needs one user's memberships in every tenant. The function below is the one
-- controlled way past the tenant policy: it runs as the schema owner (never the application's
-- role), which may read memberships, and it answers only for the user it is asked about.
do $$ begin
    execute format('create policy membership_owner_reads on membership for select to %I using (true)', current_user);
end $$;

create function memberships_of(p_user_id uuid)
    returns table (tenant_id uuid, slug text, tenant_name text, role text)
    language sql stable security definer
    set search_path = public
as $$
    select t.id, t.slug, t.name, m.role
      from membership m join tenant t on t.id = m.tenant_id
     where m.user_id = p_user_id and t.status = 'ACTIVE'
     order by t.name, m.role
$$;
revoke all on function memberships_of(uuid) from public;

grant usage on schema public to ${appRole};
grant select, insert, update on tenant to ${appRole};
grant select, insert, update on app_user to ${appRole};
grant select, insert, update, delete on membership to ${appRole};
grant execute on function current_tenant_id() to ${appRole};
grant execute on function memberships_of(uuid) to ${appRole};
