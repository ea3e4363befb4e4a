-- Scaling the database out on Citus: the statements that distribute Tutela's schema by institution, run once on the
-- coordinator, as a superuser, after the migrations and before the data grows (docs/operations.md, "Scaling out").
-- CitusReadySchemaIT reads this file against the migrated schema: every table with a tenant_id is distributed by it,
-- every other table is here as a reference table or named as local with its reason, in an order Citus accepts.
--
-- Every tenant-owned table has tenant_id first in its primary key, and its foreign keys to other tenant-owned tables
-- carry tenant_id: an institution's rows sit together on one worker, and a request (bound to one institution by
-- row-level security) is routed to that worker alone.

create extension if not exists citus;

-- Small, read everywhere, referenced by the tenant-owned tables: copied to every worker.
select create_reference_table('tenant');
select create_reference_table('app_user');

-- Tenant-owned: sharded by institution, all in one colocation group (same column, same type), each after the
-- tables its foreign keys refer to.
select create_distributed_table('membership', 'tenant_id');
select create_distributed_table('job_run', 'tenant_id');
select create_distributed_table('outbound_mail', 'tenant_id');
select create_distributed_table('audit_entry', 'tenant_id');
select create_distributed_table('tenant_export', 'tenant_id');
select create_distributed_table('policy_draft', 'tenant_id');
select create_distributed_table('policy_version', 'tenant_id');
select create_distributed_table('policy_rendering', 'tenant_id');
select create_distributed_table('policy_standing', 'tenant_id');
select create_distributed_table('policy_acceptance_rule', 'tenant_id');
select create_distributed_table('person', 'tenant_id');
select create_distributed_table('invitation', 'tenant_id');
select create_distributed_table('policy_acceptance', 'tenant_id');
select create_distributed_table('guardianship', 'tenant_id');
select create_distributed_table('roster_import', 'tenant_id');
select create_distributed_table('roster_import_file', 'tenant_id');
select create_distributed_table('roster_import_chunk', 'tenant_id');
select create_distributed_table('roster_import_problem', 'tenant_id');
select create_distributed_table('roster_kept_person', 'tenant_id');
select create_distributed_table('roster_kept_link', 'tenant_id');
select create_distributed_table('roster_kept_problem', 'tenant_id');
select create_distributed_table('roster_kept_guardianship', 'tenant_id');
select create_distributed_table('roster_kept_verdict', 'tenant_id');
select create_distributed_table('roster_kept_removal', 'tenant_id');
select create_distributed_table('registry_change', 'tenant_id');
select create_distributed_table('consent_purpose', 'tenant_id');
select create_distributed_table('channel_preference', 'tenant_id');
select create_distributed_table('consent_decision', 'tenant_id');
select create_distributed_table('consent_coming_of_age', 'tenant_id');
select create_distributed_table('consent_setting', 'tenant_id');
select create_distributed_table('mailing', 'tenant_id');
select create_distributed_table('mailing_recipient', 'tenant_id');
select create_distributed_table('consent_reminder', 'tenant_id');
select create_distributed_table('rights_request', 'tenant_id');
select create_distributed_table('rights_request_event', 'tenant_id');
select create_distributed_table('rights_request_alert', 'tenant_id');
select create_distributed_table('rights_archive', 'tenant_id');
select create_distributed_table('rights_correction', 'tenant_id');
select create_distributed_table('rights_address_check', 'tenant_id');
select create_distributed_table('rights_archive_chunk', 'tenant_id');

-- Local on the coordinator: the platform's own bookkeeping, read and written by every replica with row locks
-- (FOR UPDATE SKIP LOCKED) and never joined with an institution's rows.
-- local: flyway_schema_history (the migrations' own history, read by Flyway at start-up)
-- local: scheduled_tasks (db-scheduler's queue, polled with SELECT ... FOR UPDATE SKIP LOCKED)
-- local: event_publication (Spring Modulith's outbox of domain events)
-- local: portal_session (the portal's sessions and their Keycloak sessions, for back-channel logout)
-- local: revoked_portal_session (sessions Keycloak ended, checked by every replica)
-- local: platform_audit_entry (the operators' hash-chained audit, which outlives the institutions it names by slug)
-- local: directory_cleanup (Keycloak organizations of deleted institutions still to remove)
