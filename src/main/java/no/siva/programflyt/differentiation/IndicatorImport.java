package no.siva.programflyt.differentiation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.siva.programflyt.audit.AuditService;
import no.siva.programflyt.differentiation.scoring.IndicatorCatalogue;
import no.siva.programflyt.registry.Operator;
import no.siva.programflyt.security.CurrentUser;
import no.siva.programflyt.shared.CsvInput;
import no.siva.programflyt.shared.OrgNumber;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Import of indicator values from CSV (FBP, KTU and Brreg extracts): semicolon-separated, UTF-8, a header row, one
 * value per row: organisasjonsnummer;indikator;verdi. Decimal comma or point. All rows or none, with each row's
 * errors.
 */
@Service
public class IndicatorImport {

    public static final int MAX_ROWS = 20_000;

    public record RowError(int row, String column, String key, Object... args) {
    }

    public record Result(int imported, List<RowError> errors) {
    }

    private final DifferentiationService service;
    private final AuditService audit;
    private final TransactionTemplate tx;

    public IndicatorImport(DifferentiationService service, AuditService audit, TransactionTemplate tx) {
        this.service = service;
        this.audit = audit;
        this.tx = tx;
    }

    public Result importCsv(CurrentUser user, long roundId, byte[] bytes) {
        DifferentiationService.requireSiva(user);
        CsvInput.Result csv = CsvInput.read(bytes, MAX_ROWS);
        if (!csv.ok()) {
            return new Result(0, List.of(new RowError(csv.errorRow(), "", csv.errorKey(), csv.errorArgs())));
        }
        Map<String, Long> byOrg = new HashMap<>();
        for (Operator o : service.participants()) {
            byOrg.put(o.getOrgNumber(), o.getId());
        }
        Set<String> codes = new HashSet<>();
        service.indicators().forEach(i -> codes.add(i.code()));
        IndicatorCatalogue.SOUNDNESS.forEach(s -> codes.add(s.code()));
        List<RowError> errors = new ArrayList<>();
        Map<Long, Map<String, BigDecimal>> values = new HashMap<>();
        Set<String> seen = new HashSet<>();
        for (CsvInput.Line line : csv.lines()) {
            int row = line.row();
            String[] p = line.cells();
            if (p.length < 3) {
                errors.add(new RowError(row, "", "import.error.columns", 3, p.length));
                continue;
            }
            String org = OrgNumber.normalize(p[0].trim());
            Long operatorId = null;
            if (!OrgNumber.isValid(org)) {
                errors.add(new RowError(row, "organisasjonsnummer", "validation.orgNumber"));
            } else if ((operatorId = byOrg.get(org)) == null) {
                errors.add(new RowError(row, "organisasjonsnummer", "differentiation.import.unknownOperator"));
            }
            String code = p[1].trim();
            if (!codes.contains(code)) {
                errors.add(new RowError(row, "indikator", "differentiation.import.unknownIndicator", code));
            }
            BigDecimal value = parseValue(p[2]);
            if (value == null || value.abs().compareTo(new BigDecimal("1000000000000")) > 0) {
                errors.add(new RowError(row, "verdi", "differentiation.import.value"));
            }
            if (operatorId != null && !seen.add(org + "|" + code)) {
                errors.add(new RowError(row, "indikator", "import.error.duplicate"));
            }
            if (operatorId != null && codes.contains(code) && value != null) {
                values.computeIfAbsent(operatorId, k -> new HashMap<>()).put(code, value);
            }
        }
        if (!errors.isEmpty()) {
            return new Result(0, errors);
        }
        int count = values.values().stream().mapToInt(Map::size).sum();
        tx.executeWithoutResult(s -> {
            values.forEach((operatorId, v) -> service.setValues(user, roundId, operatorId, v));
            DiffRound r = service.find(roundId).orElseThrow();
            audit.record(user.username(), "DIFF_VALUES_IMPORTED", DifferentiationService.CASE_TYPE, roundId,
                    String.valueOf(r.getYear()), count + " indikatorverdier importert for " + values.size() + " operatører", null);
        });
        return new Result(count, List.of());
    }

    /** A value as typed: decimal comma or point, up to four decimals, spaces as thousands separators; else null. */
    public static BigDecimal parseValue(String raw) {
        if (raw == null) {
            return null;
        }
        String s = raw.replaceAll("[\\s\u00a0%]", "").replace(',', '.');
        return s.matches("-?\\d{1,15}(\\.\\d{1,4})?") ? new BigDecimal(s) : null;
    }
}
