package no.siva.programflyt.registry;

import java.math.BigDecimal;
import java.util.Optional;
import no.siva.programflyt.shared.Amounts;
import no.siva.programflyt.shared.Formats;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The hourly-rate cap for a salary, shown live beside the onboarding budget form (htmx). The server rule decides. */
@Controller
class HourlyRateController {

    @GetMapping("/hourly-rate-cap")
    public String cap(@RequestParam(name = "arslonn", required = false) String salary,
                      @RequestParam(name = "stillingsprosent", required = false) String percent, Model model) {
        Optional<BigDecimal> s = Amounts.parse(salary).filter(x -> x.signum() > 0);
        Optional<BigDecimal> p = Amounts.parse(percent).filter(x -> x.signum() > 0 && x.compareTo(new BigDecimal("100")) <= 0);
        if (s.isPresent() && p.isPresent()) {
            Formats f = new Formats();
            model.addAttribute("cap", f.nok(HourlyRate.cap(s.get(), p.get())));
            model.addAttribute("fullTime", f.nok(HourlyRate.fullTimeSalary(s.get(), p.get())));
        } else {
            model.addAttribute("cap", null);
        }
        return "admission/panels :: cap";
    }
}
