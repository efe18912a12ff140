-- Every point in time is written by the application from its one clock (ClockConfiguration), never by the database's
-- own now(): in the tests and the development run that clock is the engine's, which can be set to any date and moved
-- on. Without these defaults an insert that forgets its time fails (not null) instead of silently taking the
-- database's wall clock.
alter table grant_model alter column created_at drop default;
alter table diff_round alter column started_at drop default;
alter table diff_indicator_value alter column updated_at drop default;
alter table saved_overview_view alter column created_at drop default;
alter table operator alter column created_at drop default;
alter table user_task alter column created_at drop default;
alter table audit_event alter column occurred_at drop default;
alter table outbox_message alter column created_at drop default;
alter table outbox_message alter column next_attempt_at drop default;
alter table incident alter column created_at drop default;
alter table admission_case alter column created_at drop default;
alter table document alter column uploaded_at drop default;
alter table cooperation_agreement alter column created_at drop default;
alter table operator_onboarding alter column updated_at drop default;
alter table target_company alter column created_at drop default;
alter table aid_ledger_line alter column created_at drop default;
alter table development_dialogue alter column recorded_at drop default;
alter table reporting_year alter column created_at drop default;
alter table calendar_feed alter column created_at drop default;
alter table follow_up_case alter column started_at drop default;
alter table follow_up_trigger alter column raised_at drop default;
alter table follow_up_meeting alter column recorded_at drop default;
alter table follow_up_scoreboard alter column recorded_at drop default;
alter table follow_up_measure alter column created_at drop default;
alter table operator_dialogue alter column recorded_at drop default;
