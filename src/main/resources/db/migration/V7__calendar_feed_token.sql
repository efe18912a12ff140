-- A secret per operator for subscribing to its deadlines from a calendar app (which cannot log in).
create table calendar_feed (
    operator_id  bigint primary key references operator(id),
    token        varchar(64) not null unique,
    created_at   timestamptz not null default now()
);
