-- An access archive is stored in chunks of at most 1 MiB, written as the zip is read and read back one at a time when
-- downloaded: an archive of a hundred thousand records takes no more of the portal's memory than one of a thousand
-- (one bytea value is read whole by the driver). The archives already built move into one chunk each.
create table rights_archive_chunk (
    tenant_id  uuid  not null,
    archive_id uuid  not null,
    n          int   not null check (n >= 0),
    bytes      bytea not null check (length(bytes) between 1 and 1048576),
    primary key (tenant_id, archive_id, n),
    foreign key (tenant_id, archive_id) references rights_archive (tenant_id, id)
);
alter table rights_archive_chunk enable row level security;
alter table rights_archive_chunk force row level security;
create policy rights_archive_chunk_tenant_isolation on rights_archive_chunk
    using (tenant_id = (select current_tenant_id()))
    with check (tenant_id = (select current_tenant_id()));
grant select, insert, delete on rights_archive_chunk to "${appRole}";

-- The owner moves every institution's archives at once: row security is lifted for this statement only.
alter table rights_archive no force row level security;
alter table rights_archive_chunk no force row level security;
insert into rights_archive_chunk (tenant_id, archive_id, n, bytes)
    select tenant_id, id, 0, content from rights_archive where content is not null and length(content) > 0;
alter table rights_archive force row level security;
alter table rights_archive_chunk force row level security;

alter table rights_archive drop constraint rights_archive_check;
alter table rights_archive drop column content;
