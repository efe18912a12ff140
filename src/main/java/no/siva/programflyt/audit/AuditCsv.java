package no.siva.programflyt.audit;

import java.util.List;
import no.siva.programflyt.shared.Csv;
import no.siva.programflyt.shared.Formats;

/** The audit trail as CSV for Excel in Norway: semicolon-separated, UTF-8 with BOM, quoted fields. */
public final class AuditCsv {

    private AuditCsv() {
    }

    public static String write(List<AuditEvent> events) {
        StringBuilder sb = new StringBuilder("\uFEFF");
        sb.append("tidspunkt;utført av;handling;sakstype;sak;forretningsnøkkel;hendelse\r\n");
        Formats formats = new Formats();
        for (AuditEvent e : events) {
            sb.append(String.join(";", Csv.quoted(formats.dateTime(e.getOccurredAt())), Csv.quoted(e.getActor()),
                    Csv.quoted(e.getAction()), Csv.quoted(e.getCaseType()), Csv.quoted(e.getCaseId() == null ? "" : e.getCaseId().toString()),
                    Csv.quoted(e.getBusinessKey()), Csv.quoted(e.getSummary()))).append("\r\n");
        }
        return sb.toString();
    }
}
