package no.siva.programflyt.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import no.siva.programflyt.ProgramflytApplication;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.Violations;
import org.springframework.modulith.docs.Documenter;

/**
 * Each top-level package is a module (Spring Modulith), declared in its package-info.java: no cycles between modules,
 * and no module reaches into another's internal sub-package (only a named interface). The map of modules in
 * docs/architecture.md is the verified model's own; the test fails when it is out of date and writes the current one
 * to target/architecture-modules.md.
 */
class ModulesTest {

    private static final ApplicationModules MODULES = ApplicationModules.of(ProgramflytApplication.class);
    private static final String BEGIN = "<!-- modules: begin (ModulesTest) -->";
    private static final String END = "<!-- modules: end -->";

    @Test
    void theModulesHaveNoCycles_andUseOnlyEachOthersApi() {
        MODULES.verify();
    }

    @Test
    void aPlantedCycle_andAPlantedUseOfAnInternalType_areFound() {
        ApplicationModules planted = ApplicationModules.of("no.siva.programflyt.architecture.planted",
                new ImportOption.OnlyIncludeTests());
        assertThat(planted.stream().map(ApplicationModule::getName)).containsExactlyInAnyOrder("left", "right");
        assertThatThrownBy(planted::verify).isInstanceOf(Violations.class)
                .hasMessageContaining("Cycle detected: Slice left")
                .hasMessageContaining("Module 'right' depends on non-exposed type "
                        + "no.siva.programflyt.architecture.planted.left.internal.Hidden within module 'left'");
    }

    @Test
    void theMapOfModulesInTheArchitectureGuideIsTheVerifiedOne() throws IOException {
        String map = map();
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/architecture-modules.md"), map);
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder("target/spring-modulith-docs"))
                .writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
        String guide = Files.readString(Path.of("docs/architecture.md"));
        assertThat(guide).contains(BEGIN).contains(END);
        String documented = guide.substring(guide.indexOf(BEGIN) + BEGIN.length(), guide.indexOf(END)).strip();
        assertThat(documented).as("docs/architecture.md is out of date: copy target/architecture-modules.md into it")
                .isEqualTo(map.strip());
    }

    /** One row per module: its name, what it is, the modules it uses directly. */
    private static String map() {
        StringBuilder s = new StringBuilder("| Module | What it is | Uses |\n|---|---|---|\n");
        MODULES.stream().sorted((a, b) -> a.getName().compareTo(b.getName())).forEach(m -> s.append("| `")
                .append(m.getName()).append("` | ").append(m.getDisplayName()).append(" | ")
                .append(m.getDirectDependencies(MODULES).uniqueModules().map(ApplicationModule::getName).sorted()
                        .map(n -> "`" + n + "`").collect(Collectors.joining(", ")))
                .append(" |\n"));
        return s.toString();
    }
}
