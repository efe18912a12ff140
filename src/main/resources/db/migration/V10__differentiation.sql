-- Process 3: the differentiation round (guide §7, §15). One round per year; in the differentiation years (default:
-- the even years) the full calendar runs, in the others only the limited analysis of operators under follow-up.

-- The grant model (steps and NOK per step and year) as versioned data: a new version for each change, per two-year
-- period. The guide gives no amounts: the demo's are examples (README, "Gaps").
create table grant_model (
    id           bigserial primary key,
    first_year   int not null,
    last_year    int not null,
    version_no   int not null,
    note         varchar(2000),
    created_by   varchar(60) not null,
    created_at   timestamptz not null default now(),
    unique (first_year, version_no)
);

create table grant_step (
    model_id    bigint not null references grant_model(id),
    step        int not null check (step between 1 and 30),
    amount_nok  numeric(14, 2) not null check (amount_nok > 0),
    primary key (model_id, step)
);

create table diff_round (
    id                   bigserial primary key,
    round_year           int not null unique,
    differentiation      boolean not null,
    status               varchar(30) not null,
    started_by           varchar(60) not null,
    started_at           timestamptz not null default now(),
    process_instance_key bigint,
    info_meeting_date    date,
    basis_date           date,
    county_meeting_date  date,
    frame_deadline       date,
    model_review_date    date,
    proposal_date        date,
    feedback_deadline    date,
    board_date           date,
    notification_date    date,
    info_meeting_held_on date,
    info_meeting_notes   varchar(4000),
    analysis_done_at     timestamptz,
    analysis_done_by     varchar(60),
    basis_sent_at        timestamptz,
    operators_briefed_at timestamptz,
    budget_proposal_on   date,
    grant_model_id       bigint references grant_model(id),
    model_review_notes   varchar(4000),
    model_reviewed_at    timestamptz,
    board_met_on         date,
    board_notes          varchar(4000),
    notified_at          timestamptz,
    completed_at         timestamptz,
    limited_operators    varchar(4000),
    version              bigint not null default 0
);

-- One row per county of a round: its meeting, its frame, the proposal and its feedback.
create table diff_round_county (
    round_id          bigint not null references diff_round(id),
    county_code       varchar(2) not null references county(code),
    meeting_held_on   date,
    meeting_notes     varchar(4000),
    frame_nok         numeric(14, 2),
    frame_by          varchar(60),
    frame_at          timestamptz,
    proposal_sent_at  timestamptz,
    proposal_sent_by  varchar(60),
    feedback          varchar(30),
    reservations      varchar(4000),
    feedback_by       varchar(60),
    feedback_at       timestamptz,
    primary key (round_id, county_code)
);

-- The analysis's input: one value per operator and indicator (imported from CSV or edited by Siva).
create table diff_indicator_value (
    round_id       bigint not null references diff_round(id),
    operator_id    bigint not null references operator(id),
    indicator_code varchar(60) not null,
    value          numeric(18, 4) not null,
    updated_by     varchar(60) not null,
    updated_at     timestamptz not null default now(),
    primary key (round_id, operator_id, indicator_code)
);

-- The analysis's result, frozen when Siva completes the analysis (later edits of the values do not change it), and
-- each operator's placement: minimum, potential and proposed step.
create table diff_result (
    round_id        bigint not null references diff_round(id),
    operator_id     bigint not null references operator(id),
    weighted        numeric(6, 2),
    unweighted      numeric(6, 2),
    total_group     int,
    group_activity  int,
    group_satisfaction int,
    group_sustainability int,
    group_export    int,
    group_growth    int,
    score_activity  numeric(6, 2),
    score_satisfaction numeric(6, 2),
    score_sustainability numeric(6, 2),
    score_export    numeric(6, 2),
    score_growth    numeric(6, 2),
    soundness_warning boolean not null default false,
    negative_areas  int not null default 0,
    current_step    int,
    minimum_step    int,
    potential_step  int,
    proposed_step   int,
    reasons         varchar(4000),
    notified_at     timestamptz,
    letter_document_id bigint,
    primary key (round_id, operator_id)
);

alter table operator add column grant_step int;
