package no.siva.programflyt.support;

import no.siva.programflyt.demo.DemoUsers;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Empties the case data between tests (each test gets a fresh engine, so the task projection must start empty
 * too). Reference data, demo users and their operators stay.
 */
@Component
public class TestDatabase {

    private final JdbcTemplate jdbc;

    public TestDatabase(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void reset() {
        jdbc.execute("truncate user_task, job_completion, saved_task_filter, audit_event, outbox_message, incident, admission_criterion, "
                + "admission_case, admission_case_county, document, cooperation_agreement, operator_onboarding, "
                + "aid_ledger_line, aid_grant, aid_group_member, self_declaration, other_state_aid, survey_dispatch, development_dialogue, target_company, "
                + "reporting_obligation, reporting_year, target_figures, calendar_feed, follow_up_score, follow_up_scoreboard, "
                + "follow_up_measure, follow_up_meeting, follow_up_trigger, follow_up_case, operator_dialogue, "
                + "diff_result, diff_indicator_value, diff_round_county, diff_round, grant_step, grant_model, case_state, "
                + "saved_overview_view, programme_evaluation, diff_method, operator_grant_step, access_invitation, spring_session "
                + "restart identity cascade");
        jdbc.update("delete from app_user where operator_id in (select id from operator where org_number not in (?, ?))",
                DemoUsers.DEMO_OPERATORS.toArray());
        // only the demo users stay: people who came in by invitation go, and so do people another test class saved in
        // this fork's database (AccessMatrixTest's «Siri Sogn» was found by name here instead of the invited one);
        // the demo users lose any login bound to them
        jdbc.update("delete from app_user where username not in (?, ?, ?, ?, ?, ?, ?)", DemoUsers.CASE_HANDLER,
                "saksbehandler2", DemoUsers.PROJECT_LEADER, DemoUsers.VESTLAND, DemoUsers.NORDLAND, DemoUsers.OPERATOR_USER,
                DemoUsers.ADMIN);
        jdbc.update("update app_user set operator_manager = (username = ?), login_provider = null, "
                + "login_subject_hash = null, withdrawn_at = null", DemoUsers.OPERATOR_USER);
        jdbc.update("delete from operator where org_number not in (?, ?)", DemoUsers.DEMO_OPERATORS.toArray());
        jdbc.update("update operator set status = 'ACTIVE'");
    }
}
