-- The public form (/p/{tenant}/request), for people without an account (a former student): the request exists only
-- once the address it gives is proven with a one-time code sent to it. Each attempt is kept a day, for the rate
-- limits, then removed; the code itself is kept only as a hash.
create table rights_address_check (
    tenant_id   uuid        not null references tenant (id),
    id          uuid        not null,
    email       text        not null check (length(email) between 3 and 320),
    name        text        not null check (length(name) between 1 and 200),
    lang        text        not null check (lang in ('fr', 'en')),
    type        text        not null check (type in ('ACCESS', 'RECTIFICATION', 'ERASURE', 'RESTRICTION', 'PORTABILITY',
                                                     'OBJECTION', 'WITHDRAWAL', 'QUESTION')),
    details     text        not null check (length(details) <= 5000),
    code_hash   text        not null check (code_hash ~ '^[0-9a-f]{64}$'),
    wrong_codes int         not null default 0,
    created_at  timestamptz not null default now(),
    expires_at  timestamptz not null,
    request_id  uuid,
    primary key (tenant_id, id)
);
create index rights_address_check_recent on rights_address_check (tenant_id, created_at);
alter table rights_address_check enable row level security;
alter table rights_address_check force row level security;
create policy rights_address_check_tenant_isolation on rights_address_check
    using (tenant_id = (select current_tenant_id()))
    with check (tenant_id = (select current_tenant_id()));
grant select, insert, delete on rights_address_check to "${appRole}";
grant update (wrong_codes, request_id) on rights_address_check to "${appRole}";
