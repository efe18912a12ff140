-- Process 4: target companies (målbedrifter), their eligibility, agreement, aid ledger and exit.

create table target_company (
    id                       bigserial primary key,
    operator_id              bigint not null references operator(id),
    org_number               varchar(9) not null,
    name                     varchar(200) not null,
    status                   varchar(30) not null,
    contact_email            varchar(200),
    needs                    varchar(4000),
    -- what the register and the eligibility check said
    org_form                 varchar(20),
    nace_code                varchar(20),
    eligibility_summary      varchar(4000),
    sme                      boolean,
    enterprise_category      varchar(20),
    aggregated_work_units    numeric(12,2),
    public_percent           numeric(5,2),
    review_justification     varchar(4000),
    -- self-declaration (four points), signed on the admission date
    self_declaration_signed_on date,
    self_declaration_valid_until date,
    declared_other_aid_eur   numeric(14,2),
    -- target-company agreement and development plan
    agreement_start          date,
    agreement_end            date,
    agreement_scope          varchar(4000),
    plan_goals               varchar(4000),
    plan_services            varchar(4000),
    plan_review_date         date,
    survey_contact_name      varchar(200),
    survey_contact_email     varchar(200),
    aid_intensity_percent    numeric(5,2),
    -- exit
    exit_date                date,
    exit_reason              varchar(30),
    process_instance_key     bigint,
    created_by               varchar(60) not null,
    created_at               timestamptz not null default now(),
    version                  bigint not null default 0,
    constraint aid_intensity_at_most_75 check (aid_intensity_percent is null or (aid_intensity_percent > 0 and aid_intensity_percent <= 75))
);
create index target_company_operator_idx on target_company (operator_id, status);
-- One open case per company and operator; a company may be re-admitted after exit (a new case).
create unique index target_company_one_open on target_company (operator_id, org_number) where status not in ('EXITED', 'REFUSED');

-- Each invoice line to a target company: market value, own contribution, aid (the difference), VAT on the own contribution.
create table aid_ledger_line (
    id                  bigserial primary key,
    target_company_id   bigint not null references target_company(id),
    org_number          varchar(9) not null,
    service_date        date not null,
    cost_type           varchar(30) not null,
    description         varchar(500) not null,
    market_value_nok    numeric(14,2) not null check (market_value_nok > 0),
    own_contribution_nok numeric(14,2) not null check (own_contribution_nok >= 0),
    aid_nok             numeric(14,2) not null check (aid_nok >= 0),
    vat_nok             numeric(14,2) not null,
    eur_rate            numeric(10,4) not null,
    aid_eur             numeric(14,2) not null,
    created_by          varchar(60) not null,
    created_at          timestamptz not null default now(),
    constraint own_contribution_not_above_market check (own_contribution_nok <= market_value_nok)
);
create index aid_ledger_company_date on aid_ledger_line (org_number, service_date);

-- Other state aid for the same eligible costs, declared in the self-declaration (point 4), counted in the cap.
create table other_state_aid (
    id                  bigserial primary key,
    target_company_id   bigint not null references target_company(id),
    org_number          varchar(9) not null,
    granted_on          date not null,
    amount_eur          numeric(14,2) not null check (amount_eur >= 0),
    source              varchar(300) not null
);
create index other_state_aid_company_date on other_state_aid (org_number, granted_on);

-- ECB yearly average NOK per EUR (the guide: the average rate of the year the aid is received). Editable by admins.
create table eur_rate (
    year        int primary key,
    nok_per_eur numeric(10,4) not null check (nok_per_eur > 0),
    provisional boolean not null default false
);
insert into eur_rate (year, nok_per_eur, provisional) values
    (2021, 10.1633, false), (2022, 10.1026, false), (2023, 11.4248, false), (2024, 11.6290, false),
    (2025, 11.6290, true);
