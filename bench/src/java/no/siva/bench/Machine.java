package no.siva.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The machine the figures were measured on. */
final class Machine {

    private Machine() {
    }

    static String describe() {
        return String.format("%d cores (%s), %d GB RAM, %s %s, Java %s (%s)", Runtime.getRuntime().availableProcessors(),
                field("/proc/cpuinfo", "model name"), kb(field("/proc/meminfo", "MemTotal")) >> 30,
                System.getProperty("os.name"), System.getProperty("os.version"), System.getProperty("java.version"),
                System.getProperty("java.vm.name"));
    }

    private static String field(String file, String name) {
        try {
            return Files.readAllLines(Path.of(file)).stream().filter(l -> l.startsWith(name)).findFirst()
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("?");
        } catch (IOException e) {
            return "?";
        }
    }

    private static long kb(String value) {
        try {
            return Long.parseLong(value.replaceAll("\\D", "")) * 1024;
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
