-- The archive built for an access or portability request: a zip of what every module holds on the subject, kept until
-- it expires (seven days by default), downloadable by the requester only; each download is counted and audited.
create table rights_archive (
    tenant_id   uuid        not null,
    id          uuid        not null,
    request_id  uuid        not null,
    status      text        not null check (status in ('BUILDING', 'READY', 'FAILED')),
    run_id      uuid        not null,
    created_by  uuid        references app_user (id),
    created_at  timestamptz not null default now(),
    ready_at    timestamptz,
    expires_at  timestamptz,
    file_name   text        check (length(file_name) <= 200),
    size_bytes  bigint,
    sha256      text        check (sha256 ~ '^[0-9a-f]{64}$'),
    records     bigint,
    content     bytea,
    failure     text        check (length(failure) <= 1000),
    downloads   int         not null default 0,
    primary key (tenant_id, id),
    foreign key (tenant_id, request_id) references rights_request (tenant_id, id),
    check ((status = 'READY') = (content is not null))
);
create index rights_archive_request on rights_archive (tenant_id, request_id, created_at desc);
alter table rights_archive enable row level security;
alter table rights_archive force row level security;
create policy rights_archive_tenant_isolation on rights_archive
    using (tenant_id = (select current_tenant_id()))
    with check (tenant_id = (select current_tenant_id()));
grant select, insert on rights_archive to "${appRole}";
grant update (status, ready_at, expires_at, file_name, size_bytes, sha256, records, content, failure, downloads)
    on rights_archive to "${appRole}";

-- The timeline says when the archive was ready.
alter table rights_request_event drop constraint rights_request_event_kind_check;
alter table rights_request_event add constraint rights_request_event_kind_check
    check (kind in ('SUBMITTED', 'STATUS', 'EXTENDED', 'ASSIGNED', 'NOTE', 'TO_REQUESTER', 'FROM_REQUESTER', 'ARCHIVE_READY'));
