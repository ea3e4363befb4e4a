-- Rights requests (GDPR Art. 15-22 and 7(3)) and what happened to each. The subject is the registry person the request
-- is about (the requester, or the child a guardian asks for); the requester is who asked: a portal account, with their
-- own registry record when they have one. Due dates are stored as the institution's calendar days (rights.RequestDeadline
-- computes them); an extension keeps the first due date and says why.
create table rights_request (
    tenant_id           uuid        not null references tenant (id),
    id                  uuid        not null,
    reference           text        not null check (reference ~ '^[0-9A-Z]{8}$'),
    type                text        not null check (type in ('ACCESS', 'RECTIFICATION', 'ERASURE', 'RESTRICTION', 'PORTABILITY',
                                                             'OBJECTION', 'WITHDRAWAL', 'QUESTION')),
    subject_id          uuid,
    requester_user_id   uuid        references app_user (id),
    requester_person_id uuid,
    requester_name      text        not null check (length(requester_name) between 1 and 200),
    requester_email     text        not null check (length(requester_email) between 3 and 320),
    requester_lang      text        not null check (requester_lang in ('fr', 'en')),
    source              text        not null check (source in ('PORTAL', 'PUBLIC_FORM')),
    details             text        not null check (length(details) <= 5000),
    status              text        not null check (status in ('RECEIVED', 'IDENTITY_TO_VERIFY', 'IN_PROGRESS', 'WAITING_FOR_REQUESTER',
                                                               'EXTENDED', 'COMPLETED', 'REFUSED', 'WITHDRAWN')),
    received_at         timestamptz not null default now(),
    received_on         date        not null,
    first_due_on        date        not null,
    due_on              date        not null,
    extension_months    int         not null default 0 check (extension_months between 0 and 2),
    extension_reason    text        check (length(extension_reason) <= 2000),
    identity_note       text        check (length(identity_note) <= 2000),
    assigned_to         uuid        references app_user (id),
    outcome             text        check (length(outcome) <= 5000),
    closed_at           timestamptz,
    primary key (tenant_id, id),
    unique (tenant_id, reference),
    foreign key (tenant_id, subject_id) references person (tenant_id, id),
    foreign key (tenant_id, requester_person_id) references person (tenant_id, id),
    check (extension_months = 0 or length(extension_reason) > 0),
    check ((status in ('COMPLETED', 'REFUSED', 'WITHDRAWN')) = (closed_at is not null))
);
-- One open request of a type per person: a second one is refused, whatever the race (two clicks, two guardians).
create unique index rights_request_one_open on rights_request (tenant_id, subject_id, type)
    where status not in ('COMPLETED', 'REFUSED', 'WITHDRAWN') and subject_id is not null;
create index rights_request_queue on rights_request (tenant_id, due_on) where closed_at is null;
create index rights_request_requester on rights_request (tenant_id, requester_user_id, received_at desc);

-- The request's timeline: each change of state, message and note, in order. Internal notes are the DPO's alone.
create table rights_request_event (
    tenant_id  uuid        not null,
    request_id uuid        not null,
    id         uuid        not null,
    kind       text        not null check (kind in ('SUBMITTED', 'STATUS', 'EXTENDED', 'ASSIGNED', 'NOTE', 'TO_REQUESTER', 'FROM_REQUESTER')),
    status     text,
    body       text        check (length(body) <= 5000),
    by_user    uuid        references app_user (id),
    at         timestamptz not null default clock_timestamp(),
    primary key (tenant_id, id),
    foreign key (tenant_id, request_id) references rights_request (tenant_id, id)
);
create index rights_request_event_timeline on rights_request_event (tenant_id, request_id, at);

alter table rights_request enable row level security;
alter table rights_request force row level security;
create policy rights_request_tenant_isolation on rights_request
    using (tenant_id = (select current_tenant_id()))
    with check (tenant_id = (select current_tenant_id()));
alter table rights_request_event enable row level security;
alter table rights_request_event force row level security;
create policy rights_request_event_tenant_isolation on rights_request_event
    using (tenant_id = (select current_tenant_id()))
    with check (tenant_id = (select current_tenant_id()));
grant select, insert on rights_request, rights_request_event to "${appRole}";
grant update (status, due_on, extension_months, extension_reason, identity_note, assigned_to, outcome, closed_at, subject_id)
    on rights_request to "${appRole}";
