-- What an institution processes personal data for, each purpose with its lawful basis (GDPR Art. 6(1)), and how each
-- person wants to be contacted. Purposes are seeded from the active privacy policy (the template states them) and
-- their wording may be adapted by the administrator or the DPO; one may be added by hand.

create table consent_purpose (
    tenant_id        uuid        not null references tenant (id),
    id               uuid        not null,
    -- The template's id for a purpose the policy states ("photos"); for one added by hand, made from its name.
    code             text        not null check (code ~ '^[a-z0-9][a-z0-9-]{0,79}$'),
    name_fr          text        not null check (length(name_fr) between 1 and 200),
    name_en          text        not null check (length(name_en) between 1 and 200),
    description_fr   text        not null check (length(description_fr) between 1 and 2000),
    description_en   text        not null check (length(description_en) between 1 and 2000),
    lawful_basis     text        not null check (lawful_basis in ('a', 'b', 'c', 'd', 'e', 'f')),
    -- Consent is needed exactly when consent is the basis; such a purpose is off until someone consents (no
    -- pre-ticked box: CJEU C-673/17 Planet49), any other is on.
    consent_required boolean     not null,
    default_on       boolean     not null,
    check (consent_required = (lawful_basis = 'a')),
    check (default_on = not consent_required),
    -- The policy section that states it; null for a purpose added by hand.
    section_id       text,
    -- The version that last stated it (null: added by hand); a purpose a new version no longer states is retired.
    stated_in        int,
    status           text        not null check (status in ('ACTIVE', 'RETIRED')),
    -- Where the policy states it among its purposes (shown in that order; those added by hand after them).
    position         int         not null default 0,
    -- The wording was adapted by hand: a new version of the policy keeps it.
    reworded         boolean     not null default false,
    created_at       timestamptz not null default now(),
    updated_at       timestamptz not null default now(),
    primary key (tenant_id, id),
    unique (tenant_id, code)
);
alter table consent_purpose enable row level security;
alter table consent_purpose force row level security;
create policy consent_purpose_tenant_isolation on consent_purpose
    using (tenant_id = (select current_tenant_id()))
    with check (tenant_id = (select current_tenant_id()));
grant select, insert, update on consent_purpose to "${appRole}";

-- How a person wants to hear from the institution, for information and for marketing separately (the HEMI policy:
-- e-mail, SMS, WhatsApp, telephone, post). A channel without a row is the default: information by e-mail only.
create table channel_preference (
    tenant_id   uuid        not null references tenant (id),
    person_id   uuid        not null,
    topic       text        not null check (topic in ('INFORMATION', 'MARKETING')),
    channel     text        not null check (channel in ('EMAIL', 'SMS', 'WHATSAPP', 'PHONE', 'POST')),
    allowed     boolean     not null,
    updated_at  timestamptz not null default now(),
    updated_by  uuid        references app_user (id),
    primary key (tenant_id, person_id, topic, channel),
    foreign key (tenant_id, person_id) references person (tenant_id, id)
);
alter table channel_preference enable row level security;
alter table channel_preference force row level security;
create policy channel_preference_tenant_isolation on channel_preference
    using (tenant_id = (select current_tenant_id()))
    with check (tenant_id = (select current_tenant_id()));
grant select, insert, update on channel_preference to "${appRole}";
