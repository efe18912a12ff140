package no.siva.programflyt.targetcompany;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The table {@code survey_dispatch}: each target company's customer-satisfaction surveys (KTU), planned and ordered. */
@Repository
class SurveyDispatches {

    private final JdbcClient jdbc;

    SurveyDispatches(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A company's surveys by month and form: form, dispatch_month, register_by, ordered_at. */
    List<Map<String, Object>> ofCompany(long targetCompanyId) {
        return jdbc.sql("select form, dispatch_month, register_by, ordered_at from survey_dispatch "
                + "where target_company_id = ? order by dispatch_month, form").param(targetCompanyId).query().listOfRows();
    }

    /** Plans a survey, once per company, form and month. */
    void plan(long targetCompanyId, String form, LocalDate month, LocalDate registerBy, String recipientName,
              String recipientEmail) {
        jdbc.sql("""
                insert into survey_dispatch (target_company_id, form, dispatch_month, register_by, recipient_name, recipient_email)
                values (?, ?, ?, ?, ?, ?) on conflict (target_company_id, form, dispatch_month) do nothing""")
                .params(targetCompanyId, form, month, registerBy, recipientName, recipientEmail)
                .update();
    }

    /** Orders the exit survey unless it is ordered; true if this call ordered it. */
    boolean orderExit(long targetCompanyId, Instant at) {
        return jdbc.sql("update survey_dispatch set ordered_at = ? where target_company_id = ? and form = 'EXIT' and ordered_at is null")
                .params(Timestamp.from(at), targetCompanyId).update() > 0;
    }
}
