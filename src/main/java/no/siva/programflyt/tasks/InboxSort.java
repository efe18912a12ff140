package no.siva.programflyt.tasks;

/**
 * The inbox's order, as its column headings set it in the URL: {@code sort=due} (the default: earliest deadline
 * first), {@code sort=-due} (latest first), and likewise {@code received}, {@code task} and {@code case}.
 */
record InboxSort(String key, boolean ascending) {

    public static final InboxSort DEFAULT = new InboxSort("due", true);

    public static InboxSort parse(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT;
        }
        boolean desc = value.startsWith("-");
        String key = desc ? value.substring(1) : value;
        return switch (key) {
            case "due", "received", "task", "case" -> new InboxSort(key, !desc);
            default -> DEFAULT;
        };
    }

    boolean isDefault() {
        return equals(DEFAULT);
    }

    /** The URL value of this order. */
    public String value() {
        return (ascending ? "" : "-") + key;
    }

    /** The value a column's heading links to: this column ascending, or descending when it already is. */
    public String toggle(String column) {
        return column.equals(key) && ascending ? "-" + column : column;
    }

    /** The column's {@code aria-sort}: "ascending", "descending" or none (null) for columns not sorted by. */
    public String ariaSort(String column) {
        return column.equals(key) ? (ascending ? "ascending" : "descending") : null;
    }
}
