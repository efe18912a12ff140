package no.siva.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import no.siva.programflyt.shared.OrgNumber;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A national data set written straight into the tables (as years of use would have left them): 60 operators in the
 * counties, 5,000 active and 20,000 historic target companies, ten years of aid ledger and audit trail, 20,000 open
 * tasks (of which 2,000 for Siva's case handlers) and the status overview's row for every company. Tasks written
 * here have no job in the engine: they are for reading; the benchmark completes only tasks the engine created.
 */
final class NationalData {

    static final int OPERATORS = 60;
    static final int ACTIVE = 5_000;
    static final int HISTORIC = 20_000;
    static final int OPEN_TASKS = 20_000;
    static final int SIVA_TASKS = 2_000;
    static final int LEDGER_LINES_PER_COMPANY = 10;
    static final int AUDIT_EVENTS_PER_COMPANY = 20;
    static final String[] COUNTIES = {"03", "11", "15", "18", "31", "32", "33", "34", "39", "40", "42", "46", "50", "55", "56"};

    private static long next = 930_000_000L;

    private NationalData() {
    }

    /** The next valid (MOD11) organisation number of the series. */
    static synchronized String orgNumber() {
        while (true) {
            String candidate = Long.toString(next++);
            if (OrgNumber.isValid(candidate)) {
                return candidate;
            }
        }
    }

    /** Writes the data set; returns the operators' ids in order. */
    static List<Long> generate(JdbcTemplate jdbc) {
        String hash = jdbc.queryForObject("select password_hash from app_user where username = 'naeringshage'", String.class);
        List<Object[]> operators = new ArrayList<>();
        for (int i = 0; i < OPERATORS; i++) {
            operators.add(new Object[] {orgNumber(), String.format("Næringshage %02d", i + 1), COUNTIES[i % COUNTIES.length]});
        }
        jdbc.batchUpdate("insert into operator (org_number, name, county_code, status, period_start, period_end, created_at) "
                + "values (?, ?, ?, 'ACTIVE', date '2023-01-01', date '2032-12-31', now())", operators);
        List<Long> ids = jdbc.queryForList("select id from operator where name like 'Næringshage __' order by name", Long.class);

        LocalDate today = LocalDate.now();
        List<Object[]> companies = new ArrayList<>();
        for (int i = 0; i < ACTIVE + HISTORIC; i++) {
            boolean active = i < ACTIVE;
            LocalDate start = active ? today.minusDays(30 + i % 900) : LocalDate.of(2016, 1, 1).plusDays(i % 3000);
            companies.add(new Object[] {ids.get(i % OPERATORS), orgNumber(), "Bench målbedrift " + i + " AS",
                    active ? "ACTIVE" : "EXITED", "post" + i + "@mb.example.no", start, start.plusYears(2).minusDays(1),
                    start, start.plusYears(3).minusDays(1), active ? null : start.plusYears(3).minusDays(1),
                    active ? null : "PLANNED_END"});
        }
        jdbc.batchUpdate("insert into target_company (operator_id, org_number, name, status, contact_email, sme, "
                + "enterprise_category, self_declaration_signed_on, self_declaration_valid_until, agreement_start, "
                + "agreement_end, aid_intensity_percent, exit_date, exit_reason, created_by, process_instance_key, created_at) "
                + "values (?, ?, ?, ?, ?, true, 'SMALL', ?, ?, ?, ?, 60, ?, ?, 'bench', -1, now())", companies);
        // (-1: their lifecycles ran before this engine; without a key the import's starter would start them)

        // ten years of aid ledger: ten lines a company over its agreement, at 60 % of the market value
        jdbc.update("""
                insert into aid_ledger_line (target_company_id, org_number, service_date, cost_type, description,
                    market_value_nok, own_contribution_nok, aid_nok, vat_nok, eur_rate, aid_eur, created_by, created_at)
                select c.id, c.org_number, c.agreement_start + (n * 90), 'INNOVATION_ADVISORY', 'Rådgivning ' || n,
                       10000, 4000, 6000, 1000, 11.4248, round(6000 / 11.4248, 2), 'bench', now()
                from target_company c cross join generate_series(1, ?) n where c.created_by = 'bench'""",
                LEDGER_LINES_PER_COMPANY);
        // the aid granted with each agreement, on its start (§14.5), covering its invoiced lines; one cap per company
        jdbc.update("""
                insert into aid_grant (target_company_id, org_number, granted_on, kind, amount_nok, eur_rate, amount_eur,
                    provisional_rate, description, created_by, created_at)
                select c.id, c.org_number, c.agreement_start, 'AGREEMENT', 6000 * ?, 11.4248, round(6000 * ? / 11.4248, 2),
                       false, 'Målbedriftsavtale', 'bench', now()
                from target_company c where c.created_by = 'bench'""", LEDGER_LINES_PER_COMPANY, LEDGER_LINES_PER_COMPANY);
        jdbc.update("insert into aid_group_member (target_company_id, org_number) select id, org_number from target_company "
                + "where created_by = 'bench' on conflict do nothing");
        jdbc.update("""
                insert into audit_event (occurred_at, actor, action, case_type, case_id, business_key, summary)
                select c.agreement_start::timestamptz + (n || ' days')::interval, 'bench', 'BENCH_STEP', 'TARGET_COMPANY',
                       c.id, c.org_number, 'Historisk steg ' || n
                from target_company c cross join generate_series(1, ?) n where c.created_by = 'bench'""",
                AUDIT_EVENTS_PER_COMPANY);
        // open tasks: the active companies' (four each, negative job keys: no job in the engine), 2,000 for Siva
        jdbc.update("""
                insert into user_task (job_key, process_instance_key, bpmn_process_id, element_id, name, form_id,
                    candidate_groups, due_at, state, case_type, case_id, business_key, case_title, county_code, operator_id,
                    created_at)
                select -(row_number() over ()), -1, 'target-company-active-year', 'utviklingssamtale', 'Utviklingssamtale',
                       'malbedrift-utviklingssamtale',
                       case when (c.id + n) % 10 = 0 then 'siva-saksbehandler' else 'operator-' || c.operator_id end,
                       now() + ((c.id % 200 - 20) || ' days')::interval, 'OPEN', 'TARGET_COMPANY', c.id, c.org_number,
                       'Målbedrift: ' || c.name, o.county_code, c.operator_id, now()
                from target_company c join operator o on o.id = c.operator_id cross join generate_series(1, ?) n
                where c.created_by = 'bench' and c.status = 'ACTIVE'""", OPEN_TASKS / ACTIVE);
        jdbc.update("""
                insert into case_state (case_type, case_id, bpmn_process_id, title, business_key, county_code, counties,
                    operator_id, case_year, stage_key, url, started_at, ended_at, last_event_at, last_event,
                    task_case_type, task_case_id, task_county)
                select 'TARGET_COMPANY', c.id, 'target-company-lifecycle', 'Målbedrift: ' || c.name, c.org_number,
                       o.county_code, array[o.county_code], c.operator_id, extract(year from c.agreement_start),
                       'targetcompany.status.' || c.status, '/target-companies/' || c.id,
                       c.agreement_start::timestamptz, c.exit_date::timestamptz,
                       coalesce(c.exit_date, c.agreement_start)::timestamptz, 'Historisk steg', 'TARGET_COMPANY', c.id, null
                from target_company c join operator o on o.id = c.operator_id where c.created_by = 'bench'""");
        jdbc.update("analyze");
        // the benchmark's users (password as the demo users'): "bench-i" are staff of the first operator, which
        // imports and completes; "bench-op-k" are staff of operator k, each with that operator's share of the tasks
        List<Object[]> users = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            users.add(new Object[] {"bench-" + i, "Bench bruker " + i, "bench" + i + "@nh.example.no", hash, ids.get(0)});
        }
        for (int k = 1; k < OPERATORS; k++) {
            users.add(new Object[] {"bench-op-" + k, "Bench stab " + k, "stab" + k + "@nh.example.no", hash, ids.get(k)});
        }
        jdbc.batchUpdate("insert into app_user (username, full_name, email, password_hash, roles, operator_id) "
                + "values (?, ?, ?, ?, 'OPERATOR', ?)", users);
        return ids;
    }

    static long count(JdbcTemplate jdbc, String table) {
        return jdbc.queryForObject("select count(*) from " + table, Long.class);
    }
}
