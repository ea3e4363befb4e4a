-- How an institution takes a minor's consent: one guardian with parental responsibility suffices (unless another
-- objects), or all of them must agree. No row: one suffices.
create table consent_setting (
    tenant_id     uuid        not null references tenant (id),
    all_guardians boolean     not null,
    updated_at    timestamptz not null default now(),
    updated_by    uuid        references app_user (id),
    primary key (tenant_id)
);
alter table consent_setting enable row level security;
alter table consent_setting force row level security;
create policy consent_setting_tenant_isolation on consent_setting
    using (tenant_id = (select current_tenant_id()))
    with check (tenant_id = (select current_tenant_id()));
grant select, insert, update on consent_setting to "${appRole}";
