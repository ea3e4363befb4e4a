-- The foundations every feature builds on: durable domain events, the background-job engine, the
-- mail outbox and the audit trail. The first two are the platform's own machinery (no tenant_id, no
-- personal data); the last two are tenant-owned and bound by row-level security like any other.

-- Spring Modulith's event publication registry (its v2 PostgreSQL schema, spring-modulith-events-jdbc
-- 2.1): a publication is stored in the business transaction and completed once its listener succeeded.
create table event_publication (
    id                     uuid                     not null primary key,
    listener_id            text                     not null,
    event_type             text                     not null,
    serialized_event       text                     not null,
    publication_date       timestamp with time zone not null,
    completion_date        timestamp with time zone,
    status                 text,
    completion_attempts    int,
    last_resubmission_date timestamp with time zone
);
create index event_publication_serialized_event_hash_idx on event_publication using hash (serialized_event);
create index event_publication_by_completion_date_idx on event_publication (completion_date);
grant select, insert, update, delete on event_publication to "${appRole}";

-- db-scheduler's table: each row one execution; a replica picks it with a row lock, so none runs it twice.
create table scheduled_tasks (
    task_name            text                     not null,
    task_instance        text                     not null,
    task_data            bytea,
    execution_time       timestamp with time zone not null,
    picked               boolean                  not null,
    picked_by            text,
    last_success         timestamp with time zone,
    last_failure         timestamp with time zone,
    consecutive_failures int,
    last_heartbeat       timestamp with time zone,
    version              bigint                   not null,
    priority             smallint,
    primary key (task_name, task_instance)
);
create index execution_time_idx on scheduled_tasks (execution_time);
create index last_heartbeat_idx on scheduled_tasks (last_heartbeat);
create index priority_execution_time_idx on scheduled_tasks (priority desc, execution_time asc);
grant select, insert, update, delete on scheduled_tasks to "${appRole}";

-- A tenant's long work (an import, an export) and how far it got: what a page polls to show progress.
create table job_run (
    tenant_id   uuid        not null references tenant (id),
    id          uuid        not null,
    kind        text        not null,
    status      text        not null default 'QUEUED' check (status in ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED')),
    done        bigint      not null default 0,
    total       bigint,
    outcome     text,
    started_by  uuid        references app_user (id),
    created_at  timestamptz not null default now(),
    started_at  timestamptz,
    finished_at timestamptz,
    primary key (tenant_id, id)
);
alter table job_run enable row level security;
alter table job_run force row level security;
create policy job_run_tenant_isolation on job_run
    using (tenant_id = current_tenant_id())
    with check (tenant_id = current_tenant_id());
grant select, insert, update on job_run to "${appRole}";

-- The mail outbox: a message is written in the business transaction, sent afterwards by the job
-- engine, retried with back-off while the SMTP server is away.
create table outbound_mail (
    tenant_id   uuid        not null references tenant (id),
    id          uuid        not null,
    recipient   text        not null,
    locale      text        not null check (locale in ('fr', 'en')),
    subject     text        not null,
    text_body   text        not null,
    html_body   text        not null,
    created_at  timestamptz not null default now(),
    sent_at     timestamptz,
    attempts    int         not null default 0,
    last_error  text,
    primary key (tenant_id, id)
);
alter table outbound_mail enable row level security;
alter table outbound_mail force row level security;
create policy outbound_mail_tenant_isolation on outbound_mail
    using (tenant_id = current_tenant_id())
    with check (tenant_id = current_tenant_id());
grant select, insert on outbound_mail to "${appRole}";
-- Once written, only its delivery state is the sender's to change.
grant update (sent_at, attempts, last_error) on outbound_mail to "${appRole}";

-- The audit trail: append-only and hash-chained per tenant. The application's role may add entries
-- and read them, never change or remove one: there is no update or delete grant, and no policy
-- that would allow either.
create table audit_entry (
    tenant_id     uuid        not null references tenant (id),
    seq           bigint      not null check (seq > 0),
    occurred_at   timestamptz not null,
    actor_id      uuid,
    actor_label   text        not null,
    action        text        not null,
    subject_type  text        not null,
    subject_id    text,
    subject_label text,
    summary       text        not null,
    previous_hash text        not null,
    hash          text        not null,
    primary key (tenant_id, seq)
);
create index audit_entry_by_actor on audit_entry (tenant_id, actor_id, seq desc);
create index audit_entry_by_action on audit_entry (tenant_id, action, seq desc);
create index audit_entry_by_subject on audit_entry (tenant_id, subject_id, seq desc);
create index audit_entry_by_time on audit_entry (tenant_id, occurred_at desc);
alter table audit_entry enable row level security;
alter table audit_entry force row level security;
create policy audit_entry_read on audit_entry for select
    using (tenant_id = current_tenant_id());
create policy audit_entry_append on audit_entry for insert
    with check (tenant_id = current_tenant_id());
grant select, insert on audit_entry to "${appRole}";
