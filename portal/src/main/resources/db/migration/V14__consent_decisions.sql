-- Consent decisions: who decided, for whom, for which purpose, under which version of the privacy policy (with the
-- SHA-256 of its text), in which language, when and how (a link, at sign-in, or a paper form entered by staff with a
-- note). Insert-only: a decision is never changed or deleted by the application; a withdrawal is a later decision, and
-- the state of a consent is the latest decision of each person entitled to give it.
create table consent_decision (
    tenant_id      uuid        not null references tenant (id),
    id             uuid        not null,
    -- The person the data is about, and the person who decided: the same, or a guardian on the child's behalf.
    subject_id     uuid        not null,
    giver_id       uuid        not null,
    purpose_id     uuid        not null,
    decision       text        not null check (decision in ('GIVEN', 'REFUSED', 'WITHDRAWN')),
    policy_version int         not null,
    policy_hash    text        not null check (policy_hash ~ '^[0-9a-f]{64}$'),
    lang           text        not null check (lang in ('fr', 'en')),
    method         text        not null check (method in ('LINK', 'SIGN_IN', 'PAPER')),
    note           text        check (length(note) <= 1000),
    recorded_by    uuid        references app_user (id),
    recorded_at    timestamptz not null default now(),
    primary key (tenant_id, id),
    foreign key (tenant_id, subject_id) references person (tenant_id, id),
    foreign key (tenant_id, giver_id) references person (tenant_id, id),
    foreign key (tenant_id, purpose_id) references consent_purpose (tenant_id, id),
    foreign key (tenant_id, policy_version) references policy_version (tenant_id, number),
    -- A paper form entered by staff says where it is (a note), so that it can be found again.
    check (method <> 'PAPER' or length(note) > 0)
);
create index consent_decision_subject on consent_decision (tenant_id, subject_id, purpose_id, giver_id, recorded_at desc);
alter table consent_decision enable row level security;
alter table consent_decision force row level security;
create policy consent_decision_tenant_isolation on consent_decision
    using (tenant_id = (select current_tenant_id()))
    with check (tenant_id = (select current_tenant_id()));
grant select, insert on consent_decision to "${appRole}";
