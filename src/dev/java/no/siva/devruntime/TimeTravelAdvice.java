package no.siva.devruntime;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Every page of the demo run links an administrator to the time-travel page (the layout reads {@code timeTravel}). */
@ControllerAdvice
@ConditionalOnProperty(name = "programflyt.time-travel.enabled", havingValue = "true")
class TimeTravelAdvice {

    @ModelAttribute("timeTravel")
    boolean timeTravel() {
        return true;
    }
}
