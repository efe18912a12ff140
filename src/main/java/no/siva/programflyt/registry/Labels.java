package no.siva.programflyt.registry;

import java.text.Collator;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Names for codes in pages ({@code @labels}): counties by number, candidate groups as people read them. */
@Component("labels")
public class Labels {

    private final Map<String, String> counties;
    private final List<Map.Entry<String, String>> countiesByName;
    private final MessageSource messages;

    public Labels(CountyRepository counties, MessageSource messages) {
        this.counties = counties.findAll().stream().collect(Collectors.toMap(County::getCode, County::getName));
        this.countiesByName = this.counties.entrySet().stream().sorted(Map.Entry.comparingByValue(
                Collator.getInstance(Locale.forLanguageTag("nb")))).toList();
        this.messages = messages;
    }

    /** Every county, number to name, by number. */
    public SortedMap<String, String> counties() {
        return new TreeMap<>(counties);
    }

    /** Every county, number to name, by name (the filters' lists), read once: counties change with a reform, not daily. */
    public List<Map.Entry<String, String>> countiesByName() {
        return countiesByName;
    }

    public String county(String code) {
        return code == null ? "" : counties.getOrDefault(code, code);
    }

    /** "siva-saksbehandler" -> "Saksbehandlere i Siva", "fylke-46" -> "Fylkesrådgivere i Vestland". */
    public String group(String group) {
        var locale = LocaleContextHolder.getLocale();
        if (group.startsWith("fylke-")) {
            return messages.getMessage("group.county", new Object[] {county(group.substring(6))}, locale);
        }
        if (group.startsWith("operator-")) {
            return messages.getMessage("group.operator", null, locale);
        }
        return messages.getMessage("group." + group, null, group, locale);
    }

    public String groups(String commaSeparated) {
        return Arrays.stream(commaSeparated.split(",")).filter(g -> !g.isBlank()).map(this::group)
                .collect(Collectors.joining(", "));
    }
}
