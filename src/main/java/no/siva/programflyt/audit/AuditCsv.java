package no.siva.programflyt.audit;

import java.util.List;
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
            sb.append(String.join(";", quote(formats.dateTime(e.getOccurredAt())), quote(e.getActor()),
                    quote(e.getAction()), quote(e.getCaseType()), quote(e.getCaseId() == null ? "" : e.getCaseId().toString()),
                    quote(e.getBusinessKey()), quote(e.getSummary()))).append("\r\n");
        }
        return sb.toString();
    }

    static String quote(String s) {
        if (s == null) {
            return "";
        }
        // A leading =, +, - or @ would be run as a formula by spreadsheet programs.
        String safe = s.matches("^[=+\\-@].*") ? "'" + s : s;
        return "\"" + safe.replace("\"", "\"\"") + "\"";
    }
}
