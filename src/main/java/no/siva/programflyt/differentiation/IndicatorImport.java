package no.siva.programflyt.differentiation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.siva.programflyt.audit.AuditService;
import no.siva.programflyt.differentiation.scoring.Indicator;
import no.siva.programflyt.differentiation.scoring.IndicatorCatalogue;
import no.siva.programflyt.differentiation.scoring.Unit;
import no.siva.programflyt.registry.Operator;
import no.siva.programflyt.security.CurrentUser;
import no.siva.programflyt.shared.CsvInput;
import no.siva.programflyt.shared.OrgNumber;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Import of indicator values from CSV (FBP, KTU and Brreg extracts): semicolon-separated, UTF-8, a header row, one
 * value per row: organisasjonsnummer;indikator;rapportår;verdi (without the report year column: the round's latest
 * report year). Decimal comma or point. Each value within its indicator's range (a share 0–100, a KTU mean 1–5, ...);
 * the report year one of the round's three. All rows or none, with each row's errors, row and column named.
 */
@Service
public class IndicatorImport {

    public static final int MAX_ROWS = 20_000;

    public record RowError(int row, String column, String key, Object... args) {}

    public record Result(int imported, List<RowError> errors) {}

    private final DifferentiationService service;
    private final DifferentiationAnalysis analysis;
    private final AuditService audit;
    private final TransactionTemplate tx;

    public IndicatorImport(DifferentiationService service, DifferentiationAnalysis analysis, AuditService audit, TransactionTemplate tx) {
        this.service = service;
        this.analysis = analysis;
        this.audit = audit;
        this.tx = tx;
    }

    public Result importCsv(CurrentUser user, long roundId, byte[] bytes) {
        DifferentiationAccess.requireSiva(user);
        CsvInput.Result csv = CsvInput.read(bytes, MAX_ROWS);
        if (!csv.ok()) {
            return new Result(0, List.of(new RowError(csv.errorRow(), "", csv.errorKey(), csv.errorArgs())));
        }
        DiffRound round = service.find(roundId).orElseThrow();
        List<Integer> years = DifferentiationService.reportYears(round);
        int latest = years.get(years.size() - 1);
        Map<String, Long> byOrg = new HashMap<>();
        for (Operator o : service.participants()) {
            byOrg.put(o.getOrgNumber(), o.getId());
        }
        List<Indicator> indicators = service.method(round).indicators();
        Map<String, Unit> units = new HashMap<>();
        indicators.stream().filter(Indicator::importable).forEach(i -> units.put(i.code(), i.unit()));
        IndicatorCatalogue.SOUNDNESS.forEach(f -> units.put(f.code(), f.unit()));
        List<RowError> errors = new ArrayList<>();
        Map<Long, Map<Integer, Map<String, BigDecimal>>> values = new HashMap<>();
        Set<String> seen = new HashSet<>();
        for (CsvInput.Line line : csv.lines()) {
            int row = line.row();
            String[] p = line.cells();
            if (p.length < 3) {
                errors.add(new RowError(row, "", "differentiation.import.columns", p.length));
                continue;
            }
            // the header decides the format: with a report-year column every row has four cells
            boolean withYear = csv.header().size() >= 4;
            if (withYear && p.length < 4) {
                errors.add(new RowError(row, "", "differentiation.import.columns", p.length));
                continue;
            }
            String org = OrgNumber.normalize(p[0].trim());
            Long operatorId = null;
            if (org.isEmpty()) {
                errors.add(new RowError(row, "organisasjonsnummer", "differentiation.import.orgMissing"));
            } else if (!OrgNumber.isValid(org)) {
                errors.add(new RowError(row, "organisasjonsnummer", "validation.orgNumber"));
            } else if ((operatorId = byOrg.get(org)) == null) {
                errors.add(new RowError(row, "organisasjonsnummer", "differentiation.import.unknownOperator"));
            }
            String code = p[1].trim();
            Unit unit = units.get(code);
            if (unit == null && indicators.stream().anyMatch(i -> i.code().equals(code))) {
                errors.add(new RowError(row, "indikator", "differentiation.import.computed", code));
            } else if (unit == null) {
                errors.add(new RowError(row, "indikator", "differentiation.import.unknownIndicator", code));
            }
            Integer year = latest;
            if (withYear) {
                String y = p[2].trim();
                year = y.matches("\\d{4}") ? Integer.valueOf(y) : null;
                if (year == null || !years.contains(year)) {
                    errors.add(new RowError(row, "rapportår", "differentiation.import.reportYear", y,
                            String.valueOf(years.get(0)), String.valueOf(latest)));
                    year = null;
                }
            }
            String raw = p[withYear ? 3 : 2];
            BigDecimal value = parseValue(raw);
            if (value == null) {
                errors.add(new RowError(row, "verdi", "differentiation.import.value"));
            } else if (unit != null && !unit.accepts(value)) {
                errors.add(new RowError(row, "verdi", "differentiation.import.range", raw.trim(), unit.label(),
                        plain(unit.min()), plain(unit.max())));
                value = null;
            }
            if (operatorId != null && year != null && !seen.add(org + "|" + code + "|" + year)) {
                errors.add(new RowError(row, "indikator", "differentiation.import.duplicate", code, String.valueOf(year)));
            }
            if (operatorId != null && unit != null && year != null && value != null) {
                values.computeIfAbsent(operatorId, k -> new HashMap<>()).computeIfAbsent(year, k -> new HashMap<>()).put(code, value);
            }
        }
        if (!errors.isEmpty()) {
            return new Result(0, errors);
        }
        int count = values.values().stream().flatMap(m -> m.values().stream()).mapToInt(Map::size).sum();
        tx.executeWithoutResult(s -> {
            values.forEach(
                    (operatorId, byYear) -> byYear.forEach((year, v) -> analysis.setValues(user, roundId, operatorId, year, v, "IMPORT")));
            DiffRound r = service.find(roundId).orElseThrow();
            audit.record(user.username(), "DIFF_VALUES_IMPORTED", DifferentiationService.CASE_TYPE, roundId,
                    String.valueOf(r.getYear()), count + " indikatorverdier importert for " + values.size() + " operatører", null);
        });
        return new Result(count, List.of());
    }

    private static String plain(BigDecimal v) {
        return v.stripTrailingZeros().toPlainString().replace('.', ',');
    }

    /** A value as typed: decimal comma or point, up to four decimals, spaces as thousands separators; else null. */
    public static BigDecimal parseValue(String raw) {
        if (raw == null) {
            return null;
        }
        String s = raw.replaceAll("[\\s\u00a0%]", "").replace(',', '.').replace('\u2212', '-');
        return s.matches("-?\\d{1,15}(\\.\\d{1,4})?") ? new BigDecimal(s) : null;
    }
}
