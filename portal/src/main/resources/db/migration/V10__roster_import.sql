-- Roster imports: a file (or a OneRoster set of files) uploaded by an administrator, previewed in the background,
-- then applied in one transaction. The files are kept in the database in chunks (so any replica reads them, and a
-- crash leaves them there to start again); the history keeps who, when, which file (its SHA-256) and the summary.

create table roster_import (
    tenant_id        uuid        not null references tenant (id),
    id               uuid        not null,
    file_name        text        not null check (length(file_name) between 1 and 300),
    sha256           text        not null check (sha256 ~ '^[0-9a-f]{64}$'),
    size_bytes       bigint      not null,
    -- TUTELA_CSV (the project's own format) or ONEROSTER (1.1 or 1.2); null until the preview read the files.
    format           text        check (format in ('TUTELA_CSV', 'ONEROSTER')),
    -- The encoding the person chose for every file, or null to use the one detected in each.
    encoding_choice  text,
    -- FULL: people and links absent from the file are deactivated or removed; CHANGES: only what the file names.
    mode             text        not null check (mode in ('FULL', 'CHANGES')),
    status           text        not null check (status in ('PREVIEWING', 'PREVIEWED', 'REFUSED', 'APPLYING', 'APPLIED',
                                                             'FAILED', 'CANCELLED')),
    -- Why the whole file was refused (a message key and what it names), when it was.
    refusal_key      text,
    refusal_detail   text,
    -- The summary: previewed, then as applied.
    new_people       int,
    changed_people   int,
    unchanged_people int,
    deactivated_people int,
    new_links        int,
    changed_links    int,
    removed_links    int,
    invalid_rows     int,
    uploaded_by      uuid        references app_user (id),
    uploaded_at      timestamptz not null default now(),
    applied_by       uuid        references app_user (id),
    applied_at       timestamptz,
    run_id           uuid,
    primary key (tenant_id, id)
);
-- One import at a time per institution: at most one being previewed, waiting for confirmation or applied.
create unique index roster_import_one_at_a_time on roster_import (tenant_id)
    where status in ('PREVIEWING', 'PREVIEWED', 'APPLYING');
create index roster_import_history on roster_import (tenant_id, uploaded_at desc);
alter table roster_import enable row level security;
alter table roster_import force row level security;
create policy roster_import_tenant_isolation on roster_import
    using (tenant_id = current_tenant_id())
    with check (tenant_id = current_tenant_id());
grant select, insert, update on roster_import to "${appRole}";

-- The files of an import (a zip's entries are kept one by one), with the encoding found when they were received.
create table roster_import_file (
    tenant_id  uuid   not null references tenant (id),
    import_id  uuid   not null,
    file_name  text   not null check (length(file_name) between 1 and 300),
    size_bytes bigint not null,
    encoding   text   not null,
    primary key (tenant_id, import_id, file_name),
    foreign key (tenant_id, import_id) references roster_import (tenant_id, id)
);
alter table roster_import_file enable row level security;
alter table roster_import_file force row level security;
create policy roster_import_file_tenant_isolation on roster_import_file
    using (tenant_id = current_tenant_id())
    with check (tenant_id = current_tenant_id());
grant select, insert, update on roster_import_file to "${appRole}";

-- Their bytes, in chunks of at most 1 MiB: read back as a stream, never whole in memory.
create table roster_import_chunk (
    tenant_id  uuid  not null references tenant (id),
    import_id  uuid  not null,
    file_name  text  not null,
    seq        int   not null,
    bytes      bytea not null,
    primary key (tenant_id, import_id, file_name, seq),
    foreign key (tenant_id, import_id, file_name) references roster_import_file (tenant_id, import_id, file_name)
);
alter table roster_import_chunk enable row level security;
alter table roster_import_chunk force row level security;
create policy roster_import_chunk_tenant_isolation on roster_import_chunk
    using (tenant_id = current_tenant_id())
    with check (tenant_id = current_tenant_id());
grant select, insert on roster_import_chunk to "${appRole}";

-- Every row the import leaves out, with its file, line and why (a message key, shown in the reader's language).
create table roster_import_problem (
    tenant_id  uuid not null references tenant (id),
    import_id  uuid not null,
    seq        int  not null,
    file_name  text not null,
    line       bigint not null,
    field      text not null,
    message_key text not null,
    detail     text check (length(detail) <= 300),
    primary key (tenant_id, import_id, seq),
    foreign key (tenant_id, import_id) references roster_import (tenant_id, id)
);
alter table roster_import_problem enable row level security;
alter table roster_import_problem force row level security;
create policy roster_import_problem_tenant_isolation on roster_import_problem
    using (tenant_id = current_tenant_id())
    with check (tenant_id = current_tenant_id());
grant select, insert, delete on roster_import_problem to "${appRole}";

-- The import that last created or changed a person (their page names it): a soft reference, kept when imports are
-- long gone from the history's first page.
alter table person add column last_import_id uuid;
