-- The operator's answer: the company now belongs to a group that is large over the last two years (§14.1.6).
alter table target_company add column taken_over_by_large_group boolean not null default false;
