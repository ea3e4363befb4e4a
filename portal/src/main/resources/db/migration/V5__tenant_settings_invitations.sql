-- What an institution's administrator configures, and the invitations that bring colleagues in.

alter table tenant
    add column primary_colour        text    not null default '#1f5f8b' check (primary_colour ~ '^#[0-9a-f]{6}$'),
    add column time_zone             text    not null default 'Europe/Paris' check (length(time_zone) between 1 and 64),
    add column languages             text[]  not null default '{fr,en}' check (languages <@ array['fr', 'en'] and cardinality(languages) > 0),
    -- Null: the age of the tenant's country (GDPR Art. 8, see shared/reference/gdpr-facts.md).
    add column consent_age           int     check (consent_age between 13 and 16),
    add column consent_age_reason    text    check (length(consent_age_reason) <= 1000),
    add column dpo_name              text    check (length(dpo_name) <= 200),
    add column dpo_email             text    check (length(dpo_email) <= 254),
    -- Null: the authority the policy templates know for the country.
    add column authority_name        text    check (length(authority_name) <= 300),
    add column authority_url         text    check (length(authority_url) <= 500),
    add column logo                  bytea   check (octet_length(logo) <= 262144),
    add column logo_type             text    check (logo_type in ('image/png', 'image/svg+xml')),
    add constraint tenant_consent_age_override_has_reason
        check (consent_age is null or length(trim(coalesce(consent_age_reason, ''))) > 0),
    add constraint tenant_logo_has_type check ((logo is null) = (logo_type is null));

update tenant set time_zone = 'Europe/Brussels' where country = 'BE';

grant update (name, default_locale, country, primary_colour, time_zone, languages, consent_age, consent_age_reason,
              dpo_name, dpo_email, authority_name, authority_url, logo, logo_type) on tenant to "${appRole}";

-- An administrator changes their own institution only: the row of the tenant bound to the transaction.
alter table tenant enable row level security;
alter table tenant force row level security;
create policy tenant_readable on tenant for select using (true);
create policy tenant_registered on tenant for insert to "${appRole}" with check (status = 'ACTIVE');
create policy tenant_own_settings on tenant for update to "${appRole}"
    using (id = current_tenant_id()) with check (id = current_tenant_id());
do $$ begin
    execute format('create policy tenant_owner on tenant to %I using (true) with check (true)', current_user);
end $$;

-- An invitation to join a tenant with a role. Only the hash of its link is kept: the link itself is
-- in the invitee's mailbox and nowhere else.
create table invitation (
    tenant_id   uuid        not null references tenant (id),
    id          uuid        not null,
    email       text        not null check (length(email) <= 254),
    role        text        not null check (role in ('ADMIN', 'DPO', 'STAFF')),
    token_hash  text        not null check (token_hash ~ '^[0-9a-f]{64}$'),
    locale      text        not null check (locale in ('fr', 'en')),
    invited_by  uuid        references app_user (id),
    created_at  timestamptz not null default now(),
    expires_at  timestamptz not null,
    accepted_at timestamptz,
    accepted_by uuid        references app_user (id),
    revoked_at  timestamptz,
    primary key (tenant_id, id),
    unique (tenant_id, token_hash)
);
create index invitation_by_token on invitation (token_hash);
create index invitation_by_email on invitation (tenant_id, email);
alter table invitation enable row level security;
alter table invitation force row level security;
create policy invitation_tenant_isolation on invitation
    using (tenant_id = current_tenant_id())
    with check (tenant_id = current_tenant_id());
grant select, insert on invitation to "${appRole}";
grant update (token_hash, expires_at, accepted_at, accepted_by, revoked_at, locale, role) on invitation to "${appRole}";

-- The invitee follows a link before anything says which tenant it is for: this finds the tenant of
-- one invitation by the hash of its link, and nothing else.
do $$ begin
    execute format('create policy invitation_owner_reads on invitation for select to %I using (true)', current_user);
end $$;
create function invitation_tenant(p_token_hash text)
    returns uuid
    language sql stable security definer
    set search_path = pg_catalog, public, pg_temp
as $$ select tenant_id from invitation where token_hash = p_token_hash $$;
revoke all on function invitation_tenant(text) from public;
grant execute on function invitation_tenant(text) to "${appRole}";
