package no.siva.programflyt.differentiation;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import no.siva.programflyt.audit.AuditService;
import no.siva.programflyt.shared.BusinessRuleException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The differentiated grant model as versioned data (guide §7.3, §15.3.6): steps (trinn) and NOK per step and year,
 * for a two-year period. A change is a new version; rounds and letters name the version they used.
 */
@Service
public class GrantModelService {

    public record GrantModel(long id, int firstYear, int lastYear, int versionNo, String note, String createdBy,
                             Instant createdAt, SortedMap<Integer, BigDecimal> steps) {

        public BigDecimal amount(Integer step) {
            return step == null ? null : steps.get(step);
        }

        public String label() {
            return firstYear + "–" + lastYear + ", versjon " + versionNo;
        }
    }

    private final JdbcClient jdbc;
    private final AuditService audit;

    private final Clock clock;

    public GrantModelService(Clock clock, JdbcClient jdbc, AuditService audit) {
        this.clock = clock;
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** The latest version for the two-year period that starts with {@code firstYear}. */
    @Transactional(readOnly = true)
    public Optional<GrantModel> latest(int firstYear) {
        return jdbc.sql("select id from grant_model where first_year = ? order by version_no desc limit 1")
                .param(firstYear).query(Long.class).optional().map(this::load);
    }

    @Transactional(readOnly = true)
    public List<GrantModel> versions(int firstYear) {
        return jdbc.sql("select id from grant_model where first_year = ? order by version_no desc").param(firstYear)
                .query(Long.class).list().stream().map(this::load).toList();
    }

    @Transactional(readOnly = true)
    public GrantModel load(long id) {
        record Row(long id, int firstYear, int lastYear, int versionNo, String note, String createdBy, Instant createdAt) {}
        Row r = jdbc.sql("select id, first_year, last_year, version_no, note, created_by, created_at from grant_model where id = ?")
                .param(id).query(Row.class).single();
        SortedMap<Integer, BigDecimal> steps = new TreeMap<>();
        jdbc.sql("select step, amount_nok from grant_step where model_id = ? order by step").param(id)
                .query((rs, n) -> steps.put(rs.getInt(1), rs.getBigDecimal(2))).list();
        return new GrantModel(r.id(), r.firstYear(), r.lastYear(), r.versionNo(), r.note(), r.createdBy(), r.createdAt(), steps);
    }

    /**
     * A new version of the model for the period starting {@code firstYear}: steps numbered 1..n without gaps, amounts
     * rising with the step.
     */
    @Transactional
    public GrantModel newVersion(int firstYear, SortedMap<Integer, BigDecimal> steps, String note, String by) {
        if (steps.isEmpty()) {
            throw new BusinessRuleException("differentiation.error.noSteps");
        }
        int expected = 1;
        BigDecimal previous = BigDecimal.ZERO;
        for (var e : steps.entrySet()) {
            if (e.getKey() != expected++) {
                throw new BusinessRuleException("differentiation.error.stepGap");
            }
            if (e.getValue() == null || e.getValue().compareTo(previous) <= 0) {
                throw new BusinessRuleException("differentiation.error.stepAmounts");
            }
            previous = e.getValue();
        }
        int version = jdbc.sql("select coalesce(max(version_no), 0) + 1 from grant_model where first_year = ?")
                .param(firstYear).query(Integer.class).single();
        long id = jdbc.sql(
                "insert into grant_model (first_year, last_year, version_no, note, created_by, created_at) values (?, ?, ?, ?, ?, ?) returning id")
                .params(firstYear, firstYear + 1, version, note, by, Timestamp.from(clock.instant())).query(Long.class).single();
        steps.forEach((step, amount) -> jdbc.sql("insert into grant_step (model_id, step, amount_nok) values (?, ?, ?)")
                .params(id, step, amount).update());
        audit.record(by, "GRANT_MODEL_VERSION", "GRANT_MODEL", id, String.valueOf(firstYear),
                "Tilskuddsmodell " + firstYear + "–" + (firstYear + 1) + " versjon " + version + ": " + steps.size()
                        + " trinn" + (note == null || note.isBlank() ? "" : ". " + note),
                null);
        return load(id);
    }

    /** The step a person typed, if the model has it; null for blank, not a number, or a step the model lacks. */
    static Integer stepOf(String raw, GrantModel model) {
        if (raw == null || raw.isBlank() || model == null) {
            return null;
        }
        try {
            int s = Integer.parseInt(raw.trim());
            return model.steps().containsKey(s) ? s : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
