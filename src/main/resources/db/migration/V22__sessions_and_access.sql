-- The web session in the database (Spring Session JDBC's schema for PostgreSQL, as shipped in spring-session-jdbc
-- 3.5): any instance behind the load balancer serves a signed-in user.
create table spring_session (
    primary_id            char(36) not null,
    session_id            char(36) not null,
    creation_time         bigint not null,
    last_access_time      bigint not null,
    max_inactive_interval int not null,
    expiry_time           bigint not null,
    principal_name        varchar(100),
    constraint spring_session_pk primary key (primary_id)
);
create unique index spring_session_ix1 on spring_session (session_id);
create index spring_session_ix2 on spring_session (expiry_time);
create index spring_session_ix3 on spring_session (principal_name);

create table spring_session_attributes (
    session_primary_id char(36) not null,
    attribute_name     varchar(200) not null,
    attribute_bytes    bytea not null,
    constraint spring_session_attributes_pk primary key (session_primary_id, attribute_name),
    constraint spring_session_attributes_fk foreign key (session_primary_id) references spring_session (primary_id) on delete cascade
);

-- Access granted in Programflyt. A person outside Siva (a county's official, an operator's staff) is invited by
-- e-mail with a role and a scope, and the first login through an external provider (ID-porten, Ansattporten) binds
-- that login to her: the provider's registration and a SHA-256 of its subject. No national identity number is kept.
alter table app_user
    add column login_provider     varchar(40),
    add column login_subject_hash varchar(64),
    -- an operator's manager invites and removes the operator's own staff
    add column operator_manager   boolean not null default false,
    -- suspended: enabled = false; withdrawn: enabled = false and withdrawn_at set (the login is unbound)
    add column withdrawn_at       timestamptz;
create unique index app_user_login on app_user (login_provider, login_subject_hash) where login_subject_hash is not null;

create table access_invitation (
    id                bigserial primary key,
    -- SHA-256 of the invitation link's secret; the secret itself is only in the e-mail
    token_hash        varchar(64) not null unique,
    email             varchar(200) not null,
    full_name         varchar(200) not null,
    role              varchar(40) not null,
    counties          varchar(200) not null default '',   -- comma-separated county numbers (county officials)
    operator_id       bigint references operator (id),
    operator_manager  boolean not null default false,
    invited_by        varchar(60) not null,
    created_at        timestamptz not null,
    expires_at        timestamptz not null,
    accepted_at       timestamptz,
    accepted_by       varchar(60),
    revoked_at        timestamptz
);
create index access_invitation_operator on access_invitation (operator_id);
