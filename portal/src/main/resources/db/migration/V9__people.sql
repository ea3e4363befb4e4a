-- The people an institution governs data about: students, guardians and staff, and who is whose guardian.
-- A person may or may not have a portal account; the link to it is explicit (account_user_id).

-- Trigram search on names: "helene" finds "Hélène" (the application stores the names folded, without
-- accents and case, in search_text). A trusted extension: the database owner may create it.
create extension if not exists pg_trgm;

create table person (
    tenant_id        uuid        not null references tenant (id),
    id               uuid        not null,
    kind             text        not null check (kind in ('STUDENT', 'GUARDIAN', 'STAFF')),
    given_name       text        not null check (length(given_name) between 1 and 200),
    family_name      text        not null check (length(family_name) between 1 and 200),
    search_text      text        not null check (length(search_text) <= 500),
    birth_date       date,
    class_name       text        check (length(class_name) <= 100),
    email            text        check (length(email) <= 320),
    phone            text        check (length(phone) <= 50),
    language         text        check (language in ('fr', 'en')),
    job_function     text        check (length(job_function) <= 200),
    external_id      text        check (length(external_id) between 1 and 200),
    active           boolean     not null default true,
    account_user_id  uuid        references app_user (id),
    created_at       timestamptz not null default now(),
    updated_at       timestamptz not null default now(),
    primary key (tenant_id, id)
);
create unique index person_external_id on person (tenant_id, external_id) where external_id is not null;
create index person_search on person using gin (search_text gin_trgm_ops);
create index person_listing on person (tenant_id, family_name, given_name, id);
create index person_class on person (tenant_id, kind, class_name);
alter table person enable row level security;
alter table person force row level security;
create policy person_tenant_isolation on person
    using (tenant_id = current_tenant_id())
    with check (tenant_id = current_tenant_id());
grant select, insert, update on person to "${appRole}";

-- Who is a child's guardian: many to many, with the relationship and whether they hold parental responsibility.
create table guardianship (
    tenant_id                uuid    not null references tenant (id),
    guardian_id              uuid    not null,
    child_id                 uuid    not null,
    relationship             text    not null check (relationship in ('MOTHER', 'FATHER', 'PARENT', 'LEGAL_GUARDIAN', 'OTHER')),
    parental_responsibility  boolean not null,
    primary key (tenant_id, guardian_id, child_id),
    foreign key (tenant_id, guardian_id) references person (tenant_id, id),
    foreign key (tenant_id, child_id) references person (tenant_id, id),
    check (guardian_id <> child_id)
);
create index guardianship_child on guardianship (tenant_id, child_id);
alter table guardianship enable row level security;
alter table guardianship force row level security;
create policy guardianship_tenant_isolation on guardianship
    using (tenant_id = current_tenant_id())
    with check (tenant_id = current_tenant_id());
grant select, insert, update, delete on guardianship to "${appRole}";
