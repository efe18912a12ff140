package no.siva.programflyt.forms;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/** Loads every {@code forms/*.form} once at start-up: the same files the engine gets. */
@Component
public class FormRepository {

    private final Map<String, FormDefinition> byId = new TreeMap<>();

    public FormRepository(ObjectMapper json) {
        try {
            for (Resource r : new PathMatchingResourcePatternResolver().getResources("classpath*:/forms/*.form")) {
                try (InputStream in = r.getInputStream()) {
                    FormDefinition f = json.readValue(in, FormDefinition.class);
                    if (f.id() == null || byId.putIfAbsent(f.id(), f) != null) {
                        throw new IllegalStateException("Form " + r.getFilename() + " has no id or a duplicate id");
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Optional<FormDefinition> find(String id) {
        return Optional.ofNullable(id).map(byId::get);
    }

    public Map<String, FormDefinition> all() {
        return Map.copyOf(byId);
    }
}
