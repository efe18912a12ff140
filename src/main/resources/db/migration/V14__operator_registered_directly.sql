-- Issue 21, rule 12: operators enter the programme through the pilot project (forprosjekt); only an administrator may
-- register an existing operator directly (the 2023 cohort), and the registry records that it was done so.
alter table operator add column registered_directly boolean not null default false;
