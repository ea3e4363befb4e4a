-- Which Keycloak session each portal session belongs to, and which portal sessions Keycloak has
-- ended (OIDC Back-Channel Logout). In the database rather than in one replica's memory: Keycloak's
-- call reaches any replica, and every replica refuses a revoked session at its next request.
create table portal_session (
    http_session_id text        primary key,
    oidc_session_id text,
    subject         text        not null,
    created_at      timestamptz not null default now()
);
create index portal_session_oidc_session on portal_session (oidc_session_id);
create index portal_session_subject on portal_session (subject);

create table revoked_portal_session (
    http_session_id text        primary key,
    revoked_at      timestamptz not null default now()
);

grant select, insert, delete on portal_session to "${appRole}";
grant select, insert, delete on revoked_portal_session to "${appRole}";
