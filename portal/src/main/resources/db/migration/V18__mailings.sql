-- A message an institution sends its families for one purpose (the school's news…), and what became of it for each
-- person it could go to: sent, or held back because the purpose or the channel is not allowed for them, or because the
-- registry has no address. A run cut short resumes where it stopped: a person is written to once.
create table mailing (
    tenant_id    uuid        not null references tenant (id),
    id           uuid        not null,
    purpose_code text        not null,
    audience     text        not null check (audience in ('STUDENTS', 'GUARDIANS')),
    class_name   text,
    subject      text        not null check (length(subject) between 1 and 200),
    body         text        not null check (length(body) between 1 and 10000),
    created_by   uuid        not null references app_user (id),
    created_at   timestamptz not null default now(),
    run_id       uuid        not null,
    primary key (tenant_id, id)
);
create index mailing_newest on mailing (tenant_id, created_at desc);

create table mailing_recipient (
    tenant_id  uuid not null,
    mailing_id uuid not null,
    person_id  uuid not null,
    outcome    text not null check (outcome in ('SENT', 'NOT_ALLOWED', 'NO_ADDRESS')),
    mail_id    uuid,
    primary key (tenant_id, mailing_id, person_id),
    foreign key (tenant_id, mailing_id) references mailing (tenant_id, id),
    foreign key (tenant_id, person_id) references person (tenant_id, id)
);

alter table mailing enable row level security;
alter table mailing force row level security;
create policy mailing_tenant_isolation on mailing
    using (tenant_id = (select current_tenant_id()))
    with check (tenant_id = (select current_tenant_id()));
alter table mailing_recipient enable row level security;
alter table mailing_recipient force row level security;
create policy mailing_recipient_tenant_isolation on mailing_recipient
    using (tenant_id = (select current_tenant_id()))
    with check (tenant_id = (select current_tenant_id()));
grant select, insert on mailing, mailing_recipient to "${appRole}";
