package no.siva.programflyt.targetcompany;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import no.siva.programflyt.audit.AuditService;
import no.siva.programflyt.security.CurrentUser;
import no.siva.programflyt.shared.Amounts;
import no.siva.programflyt.shared.CsvInput;
import no.siva.programflyt.shared.Formats;
import no.siva.programflyt.shared.OrgNumber;
import no.siva.programflyt.shared.ProgrammePeriod;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Bulk import of an operator's existing target companies from CSV (semicolon, UTF-8, header row): all rows or
 * none. Each row becomes an active case whose lifecycle starts at the active period (the admission was done before
 * Programflyt), started in the background once the rows are saved ({@link ImportedLifecycles}). Columns: organisasjonsnummer;navn;e-post;opptaksdato;avtalestart;avtaleslutt;støtteintensitet;
 * ktu-navn;ktu-epost. Dates as dd.mm.åååå or åååå-mm-dd.
 */
@Service
public class TargetCompanyImport {

    public static final int MAX_ROWS = 10_000;

    public record RowError(int row, String column, String key, Object... args) {}

    public record Result(int imported, List<RowError> errors) {}

    private record Line(String org, String name, String email, LocalDate admitted, LocalDate start, LocalDate end,
                        BigDecimal intensity, String surveyName, String surveyEmail) {}

    private final TargetCompanyRepository companies;
    private final AuditService audit;
    private final ImportedLifecycles lifecycles;
    private final TransactionTemplate tx;

    private final Clock clock;
    private final ProgrammePeriod programme;
    private final Formats fmt = new Formats();

    public TargetCompanyImport(Clock clock, ProgrammePeriod programme, TargetCompanyRepository companies,
                               AuditService audit, ImportedLifecycles lifecycles, TransactionTemplate tx) {
        this.clock = clock;
        this.programme = programme;
        this.companies = companies;
        this.audit = audit;
        this.lifecycles = lifecycles;
        this.tx = tx;
    }

    public Result importCsv(CurrentUser user, long operatorId, byte[] bytes) {
        if (!user.actsFor(operatorId)) {
            throw new AccessDeniedException("not this operator's staff");
        }
        CsvInput.Result csv = CsvInput.read(bytes, MAX_ROWS);
        if (!csv.ok()) {
            return new Result(0, List.of(new RowError(csv.errorRow(), "", csv.errorKey(), csv.errorArgs())));
        }
        List<RowError> errors = new ArrayList<>();
        Set<String> open = new HashSet<>();
        companies.findByOperatorIdOrderByName(operatorId).stream().filter(c -> !c.getStatus().closed())
                .forEach(c -> open.add(c.getOrgNumber()));
        List<Line> ok = new ArrayList<>();
        for (CsvInput.Line line : csv.lines()) {
            int row = line.row();
            String[] p = line.cells();
            if (p.length < 9) {
                errors.add(new RowError(row, "", "import.error.columns", 9, p.length));
                continue;
            }
            int before = errors.size();
            String org = OrgNumber.normalize(p[0].trim());
            if (!OrgNumber.isValid(org)) {
                errors.add(new RowError(row, "organisasjonsnummer", "validation.orgNumber"));
            } else if (!open.add(org)) {
                errors.add(new RowError(row, "organisasjonsnummer", "import.error.duplicate"));
            }
            String name = p[1].trim();
            if (name.isEmpty() || name.length() > 200) {
                errors.add(new RowError(row, "navn", "import.error.name"));
            }
            String email = p[2].trim();
            if (!email.isEmpty() && !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
                errors.add(new RowError(row, "e-post", "import.error.email"));
            }
            LocalDate admitted = date(p[3], row, "opptaksdato", errors);
            LocalDate start = date(p[4], row, "avtalestart", errors);
            LocalDate end = date(p[5], row, "avtaleslutt", errors);
            if (start != null && end != null && !end.isAfter(start)) {
                errors.add(new RowError(row, "avtaleslutt", "targetcompany.error.endBeforeStart"));
            }
            // §14.5: the admission date is the agreement's date, the day the self-declaration was signed
            if (admitted != null && start != null && !start.equals(admitted)) {
                errors.add(new RowError(row, "avtalestart", "targetcompany.error.startNotSigningDate", fmt.date(admitted)));
            }
            if (admitted != null && !programme.contains(admitted)) {
                errors.add(new RowError(row, "opptaksdato", "targetcompany.error.outsideProgramme",
                        fmt.date(programme.start()), fmt.date(programme.end())));
            }
            if (end != null && end.isAfter(programme.end())) {
                errors.add(new RowError(row, "avtaleslutt", "targetcompany.error.afterProgrammeEnd", fmt.date(programme.end())));
            }
            BigDecimal intensity = Amounts.parse(p[6].replace("%", "").trim()).orElse(null);
            if (intensity == null || intensity.signum() <= 0 || intensity.compareTo(new BigDecimal("75")) > 0) {
                errors.add(new RowError(row, "støtteintensitet", "import.error.intensity"));
            }
            String surveyEmail = p[8].trim();
            if (p[7].isBlank() || !surveyEmail.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
                errors.add(new RowError(row, "ktu-epost", "import.error.survey"));
            }
            if (errors.size() == before) {
                ok.add(new Line(org, name, email.isEmpty() ? null : email, admitted, start, end, intensity, p[7].trim(),
                        surveyEmail));
            }
        }
        if (!errors.isEmpty()) {
            return new Result(0, errors);
        }
        List<TargetCompany> saved = tx.execute(s -> {
            List<TargetCompany> all = new ArrayList<>();
            for (Line l : ok) {
                TargetCompany c = new TargetCompany(operatorId, l.org(), l.name(), l.email(), null, user.username(), clock.instant());
                c.selfDeclarationSigned(l.admitted(), BigDecimal.ZERO);
                c.agreed(l.start(), l.end(), "Importert", null, null, null, l.surveyName(), l.surveyEmail(), l.intensity());
                all.add(companies.save(c));
            }
            audit.record(user.username(), "TARGET_COMPANIES_IMPORTED", TargetCompanyService.CASE_TYPE, null, null,
                    all.size() + " målbedrifter importert", null);
            return all;
        });
        lifecycles.startAfterCommit();
        return new Result(saved.size(), List.of());
    }

    private static LocalDate date(String raw, int row, String column, List<RowError> errors) {
        String s = raw.trim();
        try {
            return s.matches("\\d{1,2}\\.\\d{1,2}\\.\\d{4}") ? LocalDate.parse(s, DateTimeFormatter.ofPattern("d.M.yyyy"))
                    : LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            errors.add(new RowError(row, column, "import.error.date"));
            return null;
        }
    }
}
