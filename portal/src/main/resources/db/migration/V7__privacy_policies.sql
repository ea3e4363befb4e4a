-- An institution's privacy policy: the draft its administrators and DPO edit, and the versions
-- published from it, each with its text as published in every language, never to change again.

-- One draft per tenant: what the editor saves as people type. {@code revision} grows with every save,
-- so that an editor saving over a change it has not seen is told instead of overwriting it.
create table policy_draft (
    tenant_id    uuid        not null references tenant (id),
    template_id  text        not null check (length(template_id) between 1 and 100),
    content      jsonb       not null check (octet_length(content::text) <= 262144),
    revision     int         not null check (revision > 0),
    updated_at   timestamptz not null default now(),
    updated_by   uuid        references app_user (id),
    updated_name text        check (length(updated_name) <= 200),
    primary key (tenant_id)
);
alter table policy_draft enable row level security;
alter table policy_draft force row level security;
create policy policy_draft_tenant_isolation on policy_draft
    using (tenant_id = current_tenant_id())
    with check (tenant_id = current_tenant_id());
grant select, insert, update, delete on policy_draft to "${appRole}";

-- A published version. Only its status changes (ACTIVE, then ARCHIVED when the next one is published).
create table policy_version (
    tenant_id           uuid        not null references tenant (id),
    number              int         not null check (number > 0),
    template_id         text        not null check (length(template_id) between 1 and 100),
    content             jsonb       not null,
    status              text        not null check (status in ('ACTIVE', 'ARCHIVED')),
    kind                text        not null check (kind in ('FIRST', 'MINOR', 'SUBSTANTIAL')),
    proposed_kind       text        not null check (proposed_kind in ('FIRST', 'MINOR', 'SUBSTANTIAL')),
    override_reason     text        check (length(override_reason) <= 2000),
    topics              text[]      not null default '{}',
    -- The date printed in the policy ("Version 3 of 2 December 2026"), in the tenant's time zone.
    effective_date      date        not null,
    published_at        timestamptz not null default now(),
    published_by        uuid        references app_user (id),
    publisher_name      text        not null check (length(publisher_name) <= 200),
    primary key (tenant_id, number),
    constraint policy_version_override_has_reason
        check (kind = proposed_kind or length(trim(coalesce(override_reason, ''))) > 0)
);
create unique index policy_version_one_active on policy_version (tenant_id) where status = 'ACTIVE';
alter table policy_version enable row level security;
alter table policy_version force row level security;
create policy policy_version_tenant_isolation on policy_version
    using (tenant_id = current_tenant_id())
    with check (tenant_id = current_tenant_id());
grant select, insert on policy_version to "${appRole}";
grant update (status) on policy_version to "${appRole}";

-- The text of a version in one language as it was published: HTML (what the content hash is of),
-- Markdown, PDF and its sections. Nobody, not even the schema owner, updates it.
create table policy_rendering (
    tenant_id    uuid  not null,
    number       int   not null,
    lang         text  not null check (lang in ('fr', 'en')),
    title        text  not null,
    html         text  not null,
    markdown     text  not null,
    pdf          bytea not null,
    content_hash text  not null check (content_hash ~ '^[0-9a-f]{64}$'),
    -- The rendered sections (id, topic, title, Markdown): what later versions are compared with.
    sections     jsonb not null,
    primary key (tenant_id, number, lang),
    foreign key (tenant_id, number) references policy_version (tenant_id, number)
);
alter table policy_rendering enable row level security;
alter table policy_rendering force row level security;
create policy policy_rendering_tenant_isolation on policy_rendering
    using (tenant_id = current_tenant_id())
    with check (tenant_id = current_tenant_id());
grant select, insert on policy_rendering to "${appRole}";

create function refuse_published_change()
    returns trigger
    language plpgsql
as $$
begin
    -- A version's status may change; nothing else of a version, and nothing of a published text.
    if tg_table_name = 'policy_version' then
        if (to_jsonb(new) - 'status') = (to_jsonb(old) - 'status') then
            return new;
        end if;
    end if;
    raise exception using errcode = 'TU409', message = 'a published policy version is immutable';
end $$;
create trigger policy_version_immutable before update on policy_version
    for each row execute function refuse_published_change();
create trigger policy_rendering_immutable before update on policy_rendering
    for each row execute function refuse_published_change();
