-- What a rectification request asks to correct (GDPR Art. 16), field by field: the value the requester gives, applied
-- to the registry record once the DPO approves it.
create table rights_correction (
    tenant_id  uuid not null,
    request_id uuid not null,
    field      text not null check (field in ('givenName', 'familyName', 'birthDate', 'email', 'phone')),
    proposed   text not null check (length(proposed) between 1 and 320),
    primary key (tenant_id, request_id, field),
    foreign key (tenant_id, request_id) references rights_request (tenant_id, id)
);
alter table rights_correction enable row level security;
alter table rights_correction force row level security;
create policy rights_correction_tenant_isolation on rights_correction
    using (tenant_id = (select current_tenant_id()))
    with check (tenant_id = (select current_tenant_id()));
grant select, insert on rights_correction to "${appRole}";
