-- The rows a preview read and checked, kept for the import that follows its confirmation: the import merges exactly
-- what the preview showed, without reading and checking the files a second time. Each staging table of the preview is
-- kept as PostgreSQL's binary COPY of it, in chunks of at most 1 MiB; deleted once the import is applied or cancelled
-- (they copy personal data and serve nothing after).
create table roster_import_stage (
    tenant_id  uuid  not null references tenant (id),
    import_id  uuid  not null,
    table_name text  not null check (table_name ~ '^roster_[a-z_]+$'),
    seq        int   not null,
    bytes      bytea not null,
    primary key (tenant_id, import_id, table_name, seq),
    foreign key (tenant_id, import_id) references roster_import (tenant_id, id)
);
-- Written once and read once: not worth compressing (it would cost more time than the bytes it saves).
alter table roster_import_stage alter column bytes set storage external;
alter table roster_import_stage enable row level security;
alter table roster_import_stage force row level security;
create policy roster_import_stage_tenant_isolation on roster_import_stage
    using (tenant_id = current_tenant_id())
    with check (tenant_id = current_tenant_id());
grant select, insert, delete on roster_import_stage to "${appRole}";

-- What the staged rows carry: the columns the files had (the others keep the registry's values) and whether they list
-- links (a complete list without links removes none).
alter table roster_import add column staged_columns text[];
alter table roster_import add column staged_links boolean;
