package no.siva.programflyt.reporting;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** An iCalendar (RFC 5545) feed of an operator's deadlines: one all-day event per obligation. */
final class Ics {

    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private Ics() {}

    static String of(String calendarName, List<ReportingService.Row> rows, String operatorName, String url, Instant now) {
        StringBuilder sb = new StringBuilder();
        line(sb, "BEGIN:VCALENDAR");
        line(sb, "VERSION:2.0");
        line(sb, "PRODID:-//Siva//Programflyt//NO");
        line(sb, "CALSCALE:GREGORIAN");
        line(sb, "X-WR-CALNAME:" + escape(calendarName));
        String stamp = STAMP.format(now);
        for (ReportingService.Row r : rows) {
            if (r.canceled()) {
                continue;   // a lapsed deadline (the operator left the programme) leaves the subscribers' calendars
            }
            LocalDate d = r.dueDate();
            line(sb, "BEGIN:VEVENT");
            // stable from the look-ahead in December to the calendar's start: the app updates the event, never doubles it
            line(sb, "UID:programflyt-obligation-" + r.operatorId() + "-" + r.year() + "-" + r.code().name()
                    + "@programflyt.siva.no");
            line(sb, "DTSTAMP:" + stamp);
            line(sb, "DTSTART;VALUE=DATE:" + DAY.format(d));
            line(sb, "DTEND;VALUE=DATE:" + DAY.format(d.plusDays(1)));
            line(sb, "SUMMARY:" + escape("Frist: " + r.code().taskName()));
            line(sb, "DESCRIPTION:" + escape(operatorName + ". Status: " + r.status() + ". " + url));
            line(sb, "END:VEVENT");
        }
        line(sb, "END:VCALENDAR");
        return sb.toString();
    }

    /** Lines end in CRLF and are folded at 75 octets. */
    private static void line(StringBuilder sb, String content) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= 75) {
            sb.append(content).append("\r\n");
            return;
        }
        StringBuilder current = new StringBuilder();
        int octets = 0;
        boolean first = true;
        for (int i = 0; i < content.length();) {
            int cp = content.codePointAt(i);
            int len = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + len > (first ? 75 : 74)) {
                sb.append(current).append("\r\n ");
                current.setLength(0);
                octets = 0;
                first = false;
            }
            current.appendCodePoint(cp);
            octets += len;
            i += Character.charCount(cp);
        }
        sb.append(current).append("\r\n");
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n");
    }
}
