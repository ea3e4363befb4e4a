-- Ready for Citus (ops/citus-distribution.sql): a distributed table keeps only unique indexes that include its
-- distribution column. The hash is of a random 256-bit token, so unique per institution is what the database enforces;
-- following a link (unsubscribe_tenant, before any institution is known) still finds the hash by an index of its own.
drop index mailing_recipient_unsubscribe;
create unique index mailing_recipient_unsubscribe on mailing_recipient (tenant_id, unsubscribe_hash) where unsubscribe_hash is not null;
create index mailing_recipient_unsubscribe_lookup on mailing_recipient (unsubscribe_hash) where unsubscribe_hash is not null;
