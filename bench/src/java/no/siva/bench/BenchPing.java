package no.siva.bench;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The floor of the web stack: a trivial page behind the same security filters and session as every page, with no
 * database and no template. Registered only in the benchmark's application (its package is outside the scan).
 */
@RestController
class BenchPing {

    @GetMapping("/bench/ping")
    String ping() {
        return "ok";
    }
}
