-- The students who reached the age of digital consent and were told so (with their guardians): once each, whichever
-- replica's task noticed it first. From that day their own decisions count; their guardians' stay as history.
create table consent_coming_of_age (
    tenant_id   uuid        not null references tenant (id),
    person_id   uuid        not null,
    reached_on  date        not null,
    noticed_at  timestamptz not null default now(),
    primary key (tenant_id, person_id),
    foreign key (tenant_id, person_id) references person (tenant_id, id)
);
alter table consent_coming_of_age enable row level security;
alter table consent_coming_of_age force row level security;
create policy consent_coming_of_age_tenant_isolation on consent_coming_of_age
    using (tenant_id = (select current_tenant_id()))
    with check (tenant_id = (select current_tenant_id()));
grant select, insert on consent_coming_of_age to "${appRole}";
