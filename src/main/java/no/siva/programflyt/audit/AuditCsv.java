package no.siva.programflyt.audit;

import java.util.List;
import java.util.Locale;
import no.siva.programflyt.security.People;
import no.siva.programflyt.shared.Csv;
import no.siva.programflyt.shared.Formats;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The audit trail as CSV for Excel in Norway: semicolon-separated, UTF-8 with BOM, quoted fields, in Norwegian: the
 * headings, the action («Oppgave fullført»), the process («Målbedrift») and the person by name.
 */
@Component
class AuditCsv {

    private static final Locale NB = Locale.forLanguageTag("nb");

    private final People people;
    private final MessageSource messages;

    AuditCsv(People people, MessageSource messages) {
        this.people = people;
        this.messages = messages;
    }

    public String write(List<AuditEvent> events) {
        StringBuilder sb = new StringBuilder("\uFEFF");
        sb.append("Tidspunkt;Utført av;Handling;Prosess;Sak;Nøkkel;Hendelse\r\n");
        Formats formats = new Formats();
        for (AuditEvent e : events) {
            sb.append(String.join(";", Csv.quoted(formats.dateTime(e.getOccurredAt())), Csv.quoted(people.name(e.getActor())),
                    Csv.quoted(action(e.getAction())), Csv.quoted(caseType(e.getCaseType())),
                    Csv.quoted(e.getCaseId() == null ? "" : e.getCaseId().toString()),
                    Csv.quoted(e.getBusinessKey()), Csv.quoted(e.getSummary()))).append("\r\n");
        }
        return sb.toString();
    }

    String action(String code) {
        return code == null ? "" : messages.getMessage("audit.action." + code, null, code, NB);
    }

    String caseType(String code) {
        return code == null ? "" : messages.getMessage("overview.type." + code, null,
                messages.getMessage("audit.caseType." + code, null, code, NB), NB);
    }
}
