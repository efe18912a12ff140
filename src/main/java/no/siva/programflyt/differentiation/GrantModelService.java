package no.siva.programflyt.differentiation;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import no.siva.programflyt.audit.AuditService;
import no.siva.programflyt.shared.BusinessRuleException;
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

    private final GrantModels models;
    private final AuditService audit;

    private final Clock clock;

    GrantModelService(Clock clock, GrantModels models, AuditService audit) {
        this.clock = clock;
        this.models = models;
        this.audit = audit;
    }

    /** The latest version for the two-year period that starts with {@code firstYear}. */
    @Transactional(readOnly = true)
    public Optional<GrantModel> latest(int firstYear) {
        return models.latestId(firstYear).map(models::load);
    }

    @Transactional(readOnly = true)
    public List<GrantModel> versions(int firstYear) {
        return models.ids(firstYear).stream().map(models::load).toList();
    }

    @Transactional(readOnly = true)
    public GrantModel load(long id) {
        return models.load(id);
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
        int version = models.nextVersionNo(firstYear);
        long id = models.insert(firstYear, version, note, by, clock.instant(), steps);
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
