package no.siva.programflyt.shared;

/** Norwegian organisation numbers (organisasjonsnummer): nine digits with a MOD11 check digit. */
public final class OrgNumber {

    private static final int[] WEIGHTS = {3, 2, 7, 6, 5, 4, 3, 2};

    private OrgNumber() {}

    /** Removes the spaces people type ("923 609 016"); returns null for null. */
    public static String normalize(String raw) {
        return raw == null ? null : raw.replaceAll("\\s", "");
    }

    public static boolean isValid(String raw) {
        String s = normalize(raw);
        if (s == null || !s.matches("\\d{9}")) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += (s.charAt(i) - '0') * WEIGHTS[i];
        }
        int check = 11 - sum % 11;
        if (check == 11) {
            check = 0;
        }
        return check != 10 && check == s.charAt(8) - '0';
    }
}
