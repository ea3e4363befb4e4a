-- Every row-level policy compares a row with the tenant (or person) bound to the transaction. Written as
-- `tenant_id = current_tenant_id()`, the comparison calls the function once for each row a statement filters or
-- inserts, and V2's pinned search_path made each call a full function-manager call (a SQL function with a SET clause
-- is never inlined): a roster import of 100,000 people and 75,000 links spent seconds there. Two changes:
--
-- 1. Each policy reads the binding once per statement: `(select current_tenant_id())` is an initPlan, its value a
--    parameter of the scan (an index condition, or a comparison with a constant in a filter). Measured on 100,000 people
--    inserted by the application role (PostgreSQL 15 here, one transaction): 3.3 s
--    per-row calls, 2.5 s inlined per row, 1.6 s once per statement; a name search that must filter every row of the
--    tenant keeps its index plan (inlined per row, the planner took a sequential scan that evaluated it 100,000 times).
-- 2. The functions lose the SET clause so that the planner inlines them where statements call them directly (an
--    import's `insert … select current_tenant_id(), …` row by row). The body names pg_catalog's objects itself instead
--    of relying on the pinned path; nullif's comparison and the cast resolve through pg_catalog, searched first, and
--    the application role can create no object in any schema (V2) to stand in for them. Neither function runs as the
--    owner (not security definer): each reads a setting of the caller's own session.
-- Parallel safe as V8 declared it (the settings reach parallel workers).
create or replace function current_tenant_id() returns uuid
    language sql stable parallel safe
as $$ select nullif(pg_catalog.current_setting('tutela.tenant_id', true), '')::pg_catalog.uuid $$;
alter function current_tenant_id() reset all;

create or replace function current_user_id() returns uuid
    language sql stable parallel safe
as $$ select nullif(pg_catalog.current_setting('tutela.user_id', true), '')::pg_catalog.uuid $$;
alter function current_user_id() reset all;

do $$
declare
    p record;
    once_tenant constant text := '(SELECT current_tenant_id() AS current_tenant_id)';
    once_user constant text := '(SELECT current_user_id() AS current_user_id)';
begin
    for p in select tablename, policyname, qual, with_check from pg_policies where schemaname = 'public' loop
        execute format('alter policy %I on %I%s%s', p.policyname, p.tablename,
            case when p.qual is null then ''
                 else ' using (' || replace(replace(p.qual, 'current_tenant_id()', once_tenant), 'current_user_id()', once_user) || ')' end,
            case when p.with_check is null then ''
                 else ' with check (' || replace(replace(p.with_check, 'current_tenant_id()', once_tenant), 'current_user_id()', once_user) || ')' end);
    end loop;
end $$;
