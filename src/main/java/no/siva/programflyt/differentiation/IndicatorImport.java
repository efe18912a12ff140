package no.siva.programflyt.differentiation;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
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
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return new Result(0, List.of(new RowError(0, "", "import.error.encoding")));
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        String[] lines = text.split("\\R");
        if (lines.length < 2 || lines[0].isBlank()) {
            return new Result(0, List.of(new RowError(0, "", "import.error.empty")));
        }
        if (!lines[0].contains(";")) {
            return new Result(0, List.of(new RowError(1, "", "import.error.separator")));
        }
        if (lines.length - 1 > MAX_ROWS) {
            return new Result(0, List.of(new RowError(0, "", "import.error.tooMany", MAX_ROWS)));
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
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            int row = i + 1;
            String[] p = lines[i].split(";", -1);
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
