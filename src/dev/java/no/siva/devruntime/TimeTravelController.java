package no.siva.devruntime;

import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Time travel for the demo (the one-command run only; never in production, whose jar does not contain this class):
 * an administrator moves the in-memory engine's clock forward by a day, a week or to a date, and with it the
 * application's clock ({@link EngineClock}). Timers that fall due in between fire at once, so a newcomer can watch
 * reminders, escalations, reporting deadlines and differentiation steps happen. The clock only moves forward.
 */
@Controller
@ConditionalOnProperty(name = "programflyt.time-travel.enabled", havingValue = "true")
class TimeTravelController {

    /** A demo never needs more; a typo of a year (20226) is refused instead of firing a decade of timers. */
    static final int MAX_YEARS_AHEAD = 3;

    private final ObjectProvider<ZeebeTestEngine> engine;
    private final EngineClock clock;

    TimeTravelController(ObjectProvider<ZeebeTestEngine> engine, EngineClock clock) {
        this.engine = engine;
        this.clock = clock;
    }

    @GetMapping("/admin/klokke")
    String page(Model model) {
        model.addAttribute("now", clock.instant());
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("maxDate", LocalDate.now(clock).plusYears(MAX_YEARS_AHEAD));
        return "devruntime/clock";
    }

    @PostMapping("/admin/klokke")
    String move(@RequestParam(required = false) String steg, @RequestParam(required = false) String dato,
                Model model, RedirectAttributes flash) {
        LocalDate today = LocalDate.now(clock);
        Duration step;
        if ("dag".equals(steg)) {
            step = Duration.ofDays(1);
        } else if ("uke".equals(steg)) {
            step = Duration.ofDays(7);
        } else {
            LocalDate target;
            try {
                target = dato == null || dato.isBlank() ? null : LocalDate.parse(dato.trim());
            } catch (DateTimeParseException e) {
                target = null;
            }
            String error = target == null ? "timetravel.error.date"
                    : !target.isAfter(today) ? "timetravel.error.notAhead"
                            : target.isAfter(today.plusYears(MAX_YEARS_AHEAD)) ? "timetravel.error.tooFar" : null;
            if (error != null) {
                model.addAttribute("dateError", error);
                model.addAttribute("dato", dato);
                return page(model);
            }
            ZonedDateTime at = target.atTime(8, 0).atZone(clock.getZone());
            step = Duration.between(clock.instant(), at.toInstant());
        }
        engine.getObject().increaseTime(step);
        flash.addFlashAttribute("successKey", "timetravel.moved");
        flash.addFlashAttribute("successArgs", new Object[] {
                DateTimeFormatter.ofPattern("dd.MM.yyyy 'kl.' HH:mm").format(
                        clock.instant().atZone(clock.getZone()))});
        return "redirect:/admin/klokke";
    }
}
