package no.siva.programflyt.differentiation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.siva.programflyt.audit.AuditService;
import no.siva.programflyt.differentiation.scoring.Banding;
import no.siva.programflyt.differentiation.scoring.Criterion;
import no.siva.programflyt.differentiation.scoring.Indicator;
import no.siva.programflyt.differentiation.scoring.IndicatorCatalogue;
import no.siva.programflyt.differentiation.scoring.Method;
import no.siva.programflyt.differentiation.scoring.WeightModel;
import no.siva.programflyt.security.CurrentUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The differentiation method the project leader owns: the bandings of the indicators and the criteria's weights. The
 * guide gives the indicators, the 1–5 scale and the weights (§15.2.8), not how a value maps onto the scale; the
 * defaults are the catalogue's, with the deployment's overrides ({@code programflyt.differentiation.*}). Every change
 * is a new version; the next analysis freezes the newest into its round, and no change reaches a frozen round.
 */
@Service
class MethodService {

    /** One saved version of the method. */
    public record Version(long id, int versionNo, String note, String createdBy, Instant createdAt) {}

    private final MethodVersions versions;
    private final ObjectMapper json;
    private final DifferentiationProperties config;
    private final AuditService audit;
    private final Clock clock;

    MethodService(MethodVersions versions, ObjectMapper json, DifferentiationProperties config, AuditService audit, Clock clock) {
        this.versions = versions;
        this.json = json;
        this.config = config;
        this.audit = audit;
        this.clock = clock;
    }

    /** The method as the deployment's configuration gives it (version 0). */
    public Method defaults() {
        return new Method(IndicatorCatalogue.indicators(config.bandingOverrides()),
                "INK".equals(config.weightModel()) ? WeightModel.INK : WeightModel.NH,
                new Method.Thresholds(config.negativeAreas(), config.declineTolerancePercent(),
                        config.soundnessNegativeYears(), config.soundnessRiskPercent(),
                        config.soundnessMinSolidityPercent(), config.soundnessDropPercent()));
    }

    /** The method the next analysis uses: the project leader's newest version, else the defaults. */
    @Transactional(readOnly = true)
    public Method current() {
        return versions.latestJson().map(this::read).orElseGet(this::defaults);
    }

    @Transactional(readOnly = true)
    public Optional<Version> currentVersion() {
        return versions.latest();
    }

    /**
     * Saves a new version with the bandings (indicator code to "0,5; 0,8; 1,2; 1,5") and the weights in percent
     * (criterion to "30"); returns the errors by field ("b.&lt;code&gt;", "w.&lt;CRITERION&gt;", "w") and saves
     * nothing when there are any.
     */
    @Transactional
    public Map<String, String> save(CurrentUser user, Map<String, String> bandings, Map<Criterion, String> weights, String note) {
        DifferentiationAccess.requireProjectLeader(user, "the project leader owns the method");
        Map<String, String> errors = new LinkedHashMap<>();
        Method now = current();
        List<Indicator> indicators = new ArrayList<>();
        for (Indicator i : now.indicators()) {
            String raw = bandings.get(i.code());
            if (raw == null || raw.isBlank()) {
                indicators.add(i);
                continue;
            }
            Optional<Banding> b = parseBanding(raw, i.banding().higherIsBetter());
            if (b.isEmpty()) {
                errors.put("b." + i.code(), "differentiation.method.error.banding");
            } else {
                indicators.add(i.withBanding(b.get()));
            }
        }
        Map<Criterion, BigDecimal> w = new EnumMap<>(Criterion.class);
        for (Criterion c : Criterion.values()) {
            BigDecimal p = IndicatorImport.parseValue(weights.getOrDefault(c, ""));
            if (p == null || p.signum() < 0 || p.compareTo(BigDecimal.valueOf(100)) > 0) {
                errors.put("w." + c.name(), "differentiation.method.error.weight");
            } else {
                w.put(c, p.divide(BigDecimal.valueOf(100)));
            }
        }
        if (w.size() == Criterion.values().length
                && w.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add).compareTo(BigDecimal.ONE) != 0) {
            errors.put("w", "differentiation.method.error.weightSum");
        }
        if (!errors.isEmpty()) {
            return errors;
        }
        Method next = new Method(indicators, new WeightModel(now.weights().code(), w), now.thresholds());
        int version = versions.insert(write(next), note == null || note.isBlank() ? null : note.trim(), user.username(),
                clock.instant());
        audit.record(user.username(), "DIFF_METHOD_VERSION", "DIFF_METHOD", (long) version, String.valueOf(version),
                "Differensieringsmetoden versjon " + version + " er lagret" + (note == null || note.isBlank() ? "" : ": " + note.trim()),
                null);
        return Map.of();
    }

    /** Four ascending numbers, separated by semicolons (or spaces), decimal comma or point. */
    static Optional<Banding> parseBanding(String raw, boolean higherIsBetter) {
        String[] p = raw.trim().split("\\s*;\\s*|\\s+");
        if (p.length != 4) {
            return Optional.empty();
        }
        List<String> cuts = new ArrayList<>();
        for (String s : p) {
            BigDecimal v = IndicatorImport.parseValue(s);
            if (v == null) {
                return Optional.empty();
            }
            cuts.add(v.toPlainString());
        }
        try {
            return Optional.of(Banding.of(higherIsBetter, cuts.toArray(String[]::new)));
        } catch (IllegalArgumentException e) {   // not ascending
            return Optional.empty();
        }
    }

    String write(Method m) {
        try {
            return json.writeValueAsString(m);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    Method read(String s) {
        try {
            return json.readValue(s, Method.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the stored differentiation method cannot be read", e);
        }
    }
}
