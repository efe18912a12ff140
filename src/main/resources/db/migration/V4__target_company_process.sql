-- Process 4 continued: what the operator enters for the eligibility check, survey dispatches and yearly dialogues.

alter table target_company
    add column work_units            numeric(12,2),
    add column turnover_nok          numeric(16,2),
    add column balance_nok           numeric(16,2),
    add column accounts_year         int,
    add column sme_last_year         varchar(10),
    add column subscribed_capital_nok numeric(16,2),
    add column equity_nok            numeric(16,2),
    add column interim_equity_nok    numeric(16,2),
    add column ownership_enterprises varchar(8000),
    add column ownership_holdings    varchar(8000),
    add column innovation_company    boolean not null default false,
    add column insolvency            boolean not null default false,
    add column recovery_order        boolean not null default false,
    add column registered_on         date;

-- The KTU forms each company receives (guide §6.3): one row per form and dispatch month.
create table survey_dispatch (
    id                 bigserial primary key,
    target_company_id  bigint not null references target_company(id),
    form               varchar(10) not null,
    dispatch_month     date not null,
    register_by        date not null,
    recipient_name     varchar(200),
    recipient_email    varchar(200),
    ordered_at         timestamptz,
    unique (target_company_id, form, dispatch_month)
);

-- The yearly development dialogue (guide §6.1 L): feeds target figures and differentiation.
create table development_dialogue (
    id                  bigserial primary key,
    target_company_id   bigint not null references target_company(id),
    held_on             date not null,
    srl                 int not null check (srl between 1 and 9),
    taxonomy            varchar(20) not null,
    woman_founder       boolean not null,
    woman_ceo           boolean not null,
    woman_chair         boolean not null,
    export              boolean not null,
    international_market boolean not null,
    referred            boolean not null,
    international_contacts boolean not null,
    next_needs          varchar(4000),
    recorded_by         varchar(60) not null,
    recorded_at         timestamptz not null default now(),
    unique (target_company_id, held_on)
);
