package no.siva.programflyt.reporting;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * The annual wheel (årshjul) as server-side SVG: twelve month segments, January at the top, clockwise, and a dot per
 * deadline on the day of the year, coloured by status. The same deadlines are listed as a table beside it; the
 * drawing is decorative for assistive technology (its text alternative is the table).
 */
final class AnnualWheel {

    private static final String[] MONTHS = {"jan", "feb", "mar", "apr", "mai", "jun", "jul", "aug", "sep", "okt", "nov", "des"};

    private AnnualWheel() {}

    static String svg(int year, List<ReportingService.Row> rows, LocalDate today) {
        double cx = 160, cy = 160, r = 130;
        StringBuilder sb = new StringBuilder();
        sb.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 320 320\" width=\"320\" height=\"320\" "
                + "aria-hidden=\"true\" focusable=\"false\" class=\"wheel\">");
        sb.append(
                String.format(Locale.ROOT, "<circle cx=\"%.0f\" cy=\"%.0f\" r=\"%.0f\" fill=\"#f6f8fb\" stroke=\"#5a6472\"/>", cx, cy, r));
        int days = LocalDate.of(year, 12, 31).getDayOfYear();
        for (int m = 0; m < 12; m++) {
            double a = angle(LocalDate.of(year, m + 1, 1).getDayOfYear() - 1, days);
            sb.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#5a6472\"/>",
                    cx, cy, cx + r * Math.sin(a), cy - r * Math.cos(a)));
            double mid = angle(LocalDate.of(year, m + 1, 15).getDayOfYear() - 1, days);
            sb.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"12\" text-anchor=\"middle\" "
                    + "fill=\"#1b1f24\">%s</text>", cx + (r - 22) * Math.sin(mid), cy - (r - 22) * Math.cos(mid) + 4, MONTHS[m]));
        }
        if (today.getYear() == year) {
            double t = angle(today.getDayOfYear() - 1, days);
            sb.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#0b5cad\" "
                    + "stroke-width=\"3\"/>", cx, cy, cx + r * Math.sin(t), cy - r * Math.cos(t)));
        }
        for (ReportingService.Row row : rows) {
            double a = angle(row.dueDate().getDayOfYear() - 1, days);
            String colour = row.done() ? "#1d6b35" : row.overdue(today) ? "#b3261e" : "#a15c00";
            sb.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"6\" fill=\"%s\" stroke=\"#fff\"/>",
                    cx + r * Math.sin(a), cy - r * Math.cos(a), colour));
        }
        sb.append("</svg>");
        return sb.toString();
    }

    private static double angle(int dayOfYear, int days) {
        return 2 * Math.PI * dayOfYear / days;
    }
}
