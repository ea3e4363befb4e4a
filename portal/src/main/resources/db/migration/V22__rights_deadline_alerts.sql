-- The deadline alerts sent for each request: one per level (near, due today, overdue) and due date, so that a job run
-- twice, or on two replicas, alerts once, and an extension (a new due date) alerts again when it nears.
create table rights_request_alert (
    tenant_id  uuid        not null,
    request_id uuid        not null,
    level      text        not null check (level in ('NEAR', 'DUE_TODAY', 'OVERDUE')),
    due_on     date        not null,
    sent_at    timestamptz not null default now(),
    primary key (tenant_id, request_id, level, due_on),
    foreign key (tenant_id, request_id) references rights_request (tenant_id, id)
);
alter table rights_request_alert enable row level security;
alter table rights_request_alert force row level security;
create policy rights_request_alert_tenant_isolation on rights_request_alert
    using (tenant_id = (select current_tenant_id()))
    with check (tenant_id = (select current_tenant_id()));
grant select, insert on rights_request_alert to "${appRole}";
