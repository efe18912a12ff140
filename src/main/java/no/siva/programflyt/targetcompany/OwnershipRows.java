package no.siva.programflyt.targetcompany;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import no.siva.programflyt.forms.FormComponent;
import no.siva.programflyt.forms.FormSubmission;
import no.siva.programflyt.forms.FormValidator;
import no.siva.programflyt.targetcompany.eligibility.OwnershipText;

/**
 * The needs-mapping form's ownership as rows (issue 23, point 5): one row per enterprise (name, organisation number,
 * work units, turnover, balance, kind and the kind's figures) and one per holding (owner, owned, capital and votes).
 * They are kept, and checked for the SME test, in OwnershipText's line format, which this writes: one line per filled
 * row, the organisation number in the name (linked enterprises are matched by it), an empty «owned» the target (M).
 */
record OwnershipRows(String enterprises, String holdings, List<Integer> enterpriseRows, List<Integer> holdingRows) {

    static OwnershipRows of(FormSubmission s) {
        List<String> e = new ArrayList<>();
        List<Integer> eRows = new ArrayList<>();
        for (Map<String, Object> row : s.list("virksomheter")) {
            String name = text(row.get("navn"));
            String org = text(row.get("orgnr")).replace(" ", "");
            String type = text(row.get("type"));
            String kind = switch (type) {
                case "kommune" -> "kommune " + plain(row.get("budsjettEur")) + " " + plain(row.get("innbyggere"));
                case "engel" -> row.get("investertEur") == null ? "engel" : "engel " + plain(row.get("investertEur"));
                default -> type;
            };
            e.add(String.join("; ", org.isEmpty() ? name : name + " " + org, plain(row.get("arsverk")),
                    plain(row.get("omsetning")), plain(row.get("balanse")), kind.trim()));
            eRows.add((Integer) row.get(FormValidator.ROW));
        }
        List<String> h = new ArrayList<>();
        List<Integer> hRows = new ArrayList<>();
        for (Map<String, Object> row : s.list("eierskap")) {
            String owned = text(row.get("eid"));
            h.add(String.join("; ", ownerName(text(row.get("eier")), s), owned.isEmpty() ? OwnershipText.TARGET : ownerName(owned, s),
                    plain(row.get("kapital")), row.get("stemmer") == null ? "" : plain(row.get("stemmer"))));
            hRows.add((Integer) row.get(FormValidator.ROW));
        }
        return new OwnershipRows(String.join("\n", e), String.join("\n", h), eRows, hRows);
    }

    /** A holding names an enterprise as typed in the list: with its organisation number, as the list writes it. */
    private static String ownerName(String typed, FormSubmission s) {
        for (Map<String, Object> row : s.list("virksomheter")) {
            String org = text(row.get("orgnr")).replace(" ", "");
            if (text(row.get("navn")).equals(typed) && !org.isEmpty()) {
                return typed + " " + org;
            }
        }
        return typed;
    }

    /** The request name of the field a problem of the line format is about. */
    String fieldOf(OwnershipText.Problem p) {
        int row = shownRow(p) - 1;
        boolean enterprise = "virksomheter".equals(p.field());
        String field = switch (p.key()) {
            case "targetcompany.ownership.enterpriseFigures" -> "arsverk";
            case "targetcompany.ownership.enterpriseType" -> "type";
            case "targetcompany.ownership.holdingPercent" -> "kapital";
            default -> enterprise ? "navn" : "eier";
        };
        return FormComponent.rowKey(p.field(), row, field);
    }

    /** The row number the page shows (from 1) of a problem's line. */
    int shownRow(OwnershipText.Problem p) {
        List<Integer> rows = "virksomheter".equals(p.field()) ? enterpriseRows : holdingRows;
        return p.line() >= 1 && p.line() <= rows.size() ? rows.get(p.line() - 1) + 1 : p.line();
    }

    private static String text(Object o) {
        return o == null ? "" : o.toString().trim();
    }

    private static String plain(Object o) {
        return o instanceof BigDecimal b ? b.stripTrailingZeros().toPlainString() : text(o);
    }
}
