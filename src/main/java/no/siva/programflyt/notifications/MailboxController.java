package no.siva.programflyt.notifications;

import no.siva.programflyt.shared.NotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** Administrators see what the system has sent (in dev, instead of an SMTP server). */
@Controller
class MailboxController {

    private final NotificationService notifications;
    private final OutboxRepository outbox;

    public MailboxController(NotificationService notifications, OutboxRepository outbox) {
        this.notifications = notifications;
        this.outbox = outbox;
    }

    @GetMapping("/admin/mailbox")
    public String mailbox(Model model) {
        model.addAttribute("messages", notifications.latest());
        return "notifications/mailbox";
    }

    @GetMapping("/admin/mailbox/{id}")
    public String message(@PathVariable long id, Model model) {
        model.addAttribute("message", outbox.findById(id).orElseThrow(
                () -> new NotFoundException("message " + id)));
        return "notifications/message";
    }
}
