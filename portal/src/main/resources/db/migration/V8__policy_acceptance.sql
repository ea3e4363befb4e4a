-- Who accepted, or declined, which version of the policy, in which language and text, and how:
-- evidence that is written once and never changed (the application may only read and add).

create table policy_acceptance (
    tenant_id      uuid        not null references tenant (id),
    id             bigint      generated always as identity,
    user_id        uuid        not null references app_user (id),
    version_number int         not null,
    decision       text        not null check (decision in ('ACCEPTED', 'DECLINED')),
    lang           text        not null check (lang in ('fr', 'en')),
    -- The SHA-256 of the text shown, as published: what exactly the person read.
    content_hash   text        not null check (content_hash ~ '^[0-9a-f]{64}$'),
    -- The full text, or the plain-language text written for pupils (GDPR Art. 12(1), Recital 58).
    text_shown     text        not null check (text_shown in ('FULL', 'PUPIL')),
    channel        text        not null check (channel in ('SIGN_IN', 'EMAIL_LINK', 'PUBLISHED')),
    -- A guardian deciding for a child (issue "Guardian consent for minors"); null when for oneself.
    on_behalf_of   uuid        references app_user (id),
    decided_at     timestamptz not null default now(),
    primary key (tenant_id, id),
    foreign key (tenant_id, version_number) references policy_version (tenant_id, number)
);
-- One decision per person (and child) and version: a second click, a second tab, changes nothing.
create unique index policy_acceptance_once on policy_acceptance
    (tenant_id, version_number, user_id, coalesce(on_behalf_of, '00000000-0000-0000-0000-000000000000'));
create index policy_acceptance_by_person on policy_acceptance (tenant_id, user_id, version_number desc);
alter table policy_acceptance enable row level security;
alter table policy_acceptance force row level security;
create policy policy_acceptance_tenant_isolation on policy_acceptance
    using (tenant_id = current_tenant_id())
    with check (tenant_id = current_tenant_id());
grant select, insert on policy_acceptance to "${appRole}";

-- Where each person stands, kept with every decision in the same transaction: the latest version they
-- accepted and the latest they decided on (accepted or declined). The evidence is policy_acceptance; this
-- is what the sign-in gate reads at every navigation (one row) and what the dashboard joins with the
-- members (one row per person, no aggregation over their decisions).
create table policy_standing (
    tenant_id         uuid not null references tenant (id),
    user_id           uuid not null references app_user (id),
    accepted_version  int,
    decided_version   int  not null,
    -- The versions ride in the key's index: the dashboard reads it without visiting the table.
    primary key (tenant_id, user_id) include (accepted_version, decided_version),
    check (accepted_version is null or accepted_version <= decided_version)
);
alter table policy_standing enable row level security;
alter table policy_standing force row level security;
create policy policy_standing_tenant_isolation on policy_standing
    using (tenant_id = current_tenant_id())
    with check (tenant_id = current_tenant_id());
grant select, insert, update on policy_standing to "${appRole}";

-- Which roles may decline a new version and go on (acceptance stays required for the others).
create table policy_acceptance_rule (
    tenant_id              uuid        not null references tenant (id),
    decline_allowed_roles  text[]      not null default '{}'
        check (decline_allowed_roles <@ array['ADMIN', 'DPO', 'STAFF', 'GUARDIAN', 'STUDENT']),
    updated_at             timestamptz not null default now(),
    primary key (tenant_id)
);
alter table policy_acceptance_rule enable row level security;
alter table policy_acceptance_rule force row level security;
create policy policy_acceptance_rule_tenant_isolation on policy_acceptance_rule
    using (tenant_id = current_tenant_id())
    with check (tenant_id = current_tenant_id());
grant select, insert, update on policy_acceptance_rule to "${appRole}";

-- The tenancy module's read-only face for counting people by role in SQL (the acceptance dashboard
-- joins it with 100,000 decisions): the caller's own rights and row-level security apply.
create view member_role with (security_invoker = true) as
    select tenant_id, user_id, role from membership;
grant select on member_role to "${appRole}";

-- Each version is also published in the plain-language text for pupils when its template has one.
alter table policy_rendering add column audience text not null default 'FULL' check (audience in ('FULL', 'PUPIL'));
alter table policy_rendering drop constraint policy_rendering_pkey;
alter table policy_rendering add primary key (tenant_id, number, lang, audience);

-- The tenant of the transaction reaches parallel workers with the rest of the settings: reading it is
-- parallel safe, so that a count over a large tenant (the acceptance dashboard) may use both cores.
alter function current_tenant_id() parallel safe;
