package no.siva.programflyt.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The menu marks where the user is: {@code navSection} is the first segment of the page's path ("tasks" for
 * /tasks/12, "" for the home page), and the layout sets {@code aria-current="page"} on the menu item of that section.
 */
@ControllerAdvice
class Navigation {

    @ModelAttribute("navSection")
    String navSection(HttpServletRequest request) {
        return section(request.getRequestURI().substring(request.getContextPath().length()));
    }

    static String section(String path) {
        String p = path.startsWith("/") ? path.substring(1) : path;
        int slash = p.indexOf('/');
        String first = slash < 0 ? p : p.substring(0, slash);
        if (first.equals("admin") && slash >= 0) {      // admin/mailbox, admin/klokke: one menu item each
            String rest = p.substring(slash + 1);
            return "admin/" + (rest.contains("/") ? rest.substring(0, rest.indexOf('/')) : rest);
        }
        // a case page (/cases/ADMISSION/1) belongs to its process's section
        if (first.equals("cases") && slash >= 0) {
            String rest = p.substring(slash + 1);
            String type = rest.contains("/") ? rest.substring(0, rest.indexOf('/')) : rest;
            return switch (type) {
                case "ADMISSION" -> "admission";
                case "FOLLOW_UP" -> "follow-up";
                case "DIFFERENTIATION", "DIFFERENTIATION_COUNTY" -> "differentiation";
                case "REPORTING" -> "reporting";
                case "TARGET_COMPANY" -> "target-companies";
                default -> "overview";
            };
        }
        return first;
    }
}
