-- When each guardian was last reminded of the consents awaiting their answer: nobody is reminded twice in a week,
-- however often the school presses the button.
create table consent_reminder (
    tenant_id   uuid        not null references tenant (id),
    guardian_id uuid        not null,
    sent_at     timestamptz not null default now(),
    sent_by     uuid        references app_user (id),
    primary key (tenant_id, guardian_id, sent_at),
    foreign key (tenant_id, guardian_id) references person (tenant_id, id)
);
alter table consent_reminder enable row level security;
alter table consent_reminder force row level security;
create policy consent_reminder_tenant_isolation on consent_reminder
    using (tenant_id = (select current_tenant_id()))
    with check (tenant_id = (select current_tenant_id()));
grant select, insert on consent_reminder to "${appRole}";
