-- Process 1 complete: register lookup, co-commissioning counties, expansion projects, decisions with who/when,
-- documents (attachments, grant letters), cooperation agreement and onboarding.

alter table admission_case
    add column register_status       varchar(20),
    add column register_name         varchar(300),
    add column register_org_form     varchar(20),
    add column register_org_form_text varchar(200),
    add column register_nace         varchar(20),
    add column register_nace_text    varchar(300),
    add column register_address      varchar(500),
    add column register_bankrupt     boolean,
    add column register_liquidation  boolean,
    add column register_checked_at   timestamptz,
    add column expansion_operator_id bigint references operator(id),
    add column recommendation        varchar(30),
    add column recommendation_justification varchar(4000),
    add column assessed_by           varchar(60),
    add column assessed_at           timestamptz,
    add column proposed_by           varchar(60),
    add column proposed_at           timestamptz,
    add column decided_by            varchar(60),
    add column decided_at            timestamptz,
    add column onboarding_completed_at timestamptz;

create table admission_case_county (
    case_id      bigint not null references admission_case(id) on delete cascade,
    county_code  varchar(2) not null references county(code),
    primary key (case_id, county_code)
);

-- Files on a case: uploaded attachments and generated letters.
create table document (
    id            bigserial primary key,
    case_type     varchar(40) not null,
    case_id       bigint not null,
    kind          varchar(30) not null,
    filename      varchar(255) not null,
    content_type  varchar(100) not null,
    size_bytes    bigint not null,
    sha256        varchar(64) not null,
    content       bytea not null,
    uploaded_by   varchar(60) not null,
    uploaded_at   timestamptz not null default now()
);
create index document_case_idx on document (case_type, case_id);
-- One grant letter per case: a second delivery of the job finds the first.
create unique index document_one_grant_letter on document (case_type, case_id) where kind = 'TILSAGNSBREV';

alter table outbox_message add column attachment_document_id bigint references document(id);

-- The cooperation agreement (samarbeidsavtale) between Siva and the operator: 5 years, possibly 5 more (§12.1).
create table cooperation_agreement (
    id               bigserial primary key,
    operator_id      bigint not null unique references operator(id),
    admission_case_id bigint references admission_case(id),
    start_date       date not null,
    end_date         date not null,
    extension_until  date not null,
    annual_grant     numeric(14,2),
    reservations     varchar(4000),
    created_at       timestamptz not null default now()
);

-- What the operator submits when it starts (§3 step 8, §10.4).
create table operator_onboarding (
    operator_id          bigint primary key references operator(id),
    annual_salary        numeric(14,2),
    position_percent     numeric(5,2),
    hourly_rate          numeric(10,2),
    hourly_rate_cap      numeric(10,2),
    budget_hours         numeric(10,2),
    admin_budget         numeric(14,2),
    contact_name         varchar(200),
    contact_email        varchar(200),
    contact_phone        varchar(40),
    finance_contact_name varchar(200),
    finance_contact_email varchar(200),
    ethical_guidelines_confirmed boolean,
    impartiality_routine_confirmed boolean,
    ethical_guidelines_url varchar(500),
    updated_at           timestamptz not null default now()
);
