package no.siva.programflyt.followup;

import jakarta.validation.Valid;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.siva.programflyt.audit.AuditService;
import no.siva.programflyt.documents.DocumentService;
import no.siva.programflyt.notifications.NotificationService;
import no.siva.programflyt.registry.Operator;
import no.siva.programflyt.registry.OperatorService;
import no.siva.programflyt.registry.OperatorStatus;
import no.siva.programflyt.security.CurrentUser;
import no.siva.programflyt.shared.RefusedReturnsTo;
import no.siva.programflyt.tasks.CaseDiagram;
import no.siva.programflyt.tasks.TaskService;
import no.siva.programflyt.tasks.UserTask;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
class FollowUpController {

    private final FollowUpService service;
    private final OperatorDialogues operatorDialogues;
    private final FollowUpWork followUpWork;
    private final OperatorService operators;
    private final TaskService tasks;
    private final DocumentService documents;
    private final AuditService audit;
    private final NotificationService notifications;

    private final Clock clock;

    public FollowUpController(Clock clock, FollowUpService service, OperatorDialogues operatorDialogues, FollowUpWork followUpWork,
                              OperatorService operators, TaskService tasks,
                              DocumentService documents, AuditService audit, NotificationService notifications) {
        this.clock = clock;
        this.service = service;
        this.operatorDialogues = operatorDialogues;
        this.followUpWork = followUpWork;
        this.operators = operators;
        this.tasks = tasks;
        this.documents = documents;
        this.audit = audit;
        this.notifications = notifications;
    }

    @GetMapping("/follow-up")
    public String list(@AuthenticationPrincipal CurrentUser user, Model model) {
        List<FollowUpCase> cases = service.visibleTo(user);
        Map<Long, String> names = new HashMap<>();
        operators.visibleTo(user).forEach(o -> names.put(o.getId(), o.getName()));
        model.addAttribute("cases", cases);
        model.addAttribute("names", names);
        model.addAttribute("mayStart", !startable(user).isEmpty());
        return "followup/list";
    }

    @GetMapping("/follow-up/new")
    public String newCase(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) Long operatorId,
                          Model model) {
        FollowUpForms.Start form = new FollowUpForms.Start();
        form.setOperatorId(operatorId);
        return startForm(requireStartable(user), form, model);
    }

    @PostMapping("/follow-up")
    public String start(@AuthenticationPrincipal CurrentUser user, @Valid @ModelAttribute("form") FollowUpForms.Start form,
                        BindingResult errors, Model model, RedirectAttributes flash) {
        List<Operator> startable = requireStartable(user);
        Long chosen = form.getOperatorId();
        if (chosen != null && startable.stream().noneMatch(o -> o.getId().equals(chosen))) {
            if (operators.visibleTo(user).stream().noneMatch(o -> o.getId().equals(chosen))) {
                // outside her scope: not offered by the form, so not chosen there
                throw new AccessDeniedException("may not start a follow-up of operator " + chosen);
            }
            errors.rejectValue("operatorId", "followup.error.notStartable");   // e.g. taken out of the programme
        }
        if (errors.hasErrors()) {
            return startForm(startable, form, model);
        }
        FollowUpService.Raised r = service.start(user, form.getOperatorId(), form.getEvidence().trim());
        flash.addFlashAttribute("successKey", r.opened() ? "followup.started" : "followup.attached");
        return "redirect:/follow-up/" + r.caseId();
    }

    private String startForm(List<Operator> startable, FollowUpForms.Start form, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("operators", startable);
        return "followup/new";
    }

    /**
     * The operators she may start a follow-up of, if any. The permission is checked before the input, so that a user
     * without it is refused whatever she sends.
     */
    private List<Operator> requireStartable(CurrentUser user) {
        List<Operator> startable = startable(user);
        if (startable.isEmpty()) {
            throw new AccessDeniedException("may not start follow-ups");
        }
        return startable;
    }

    private static Optional<FollowUpWork.Scoreboard> version(List<FollowUpWork.Scoreboard> boards, Integer no) {
        return no == null ? Optional.empty() : boards.stream().filter(b -> b.versionNo() == no).findFirst();
    }

    private void requireMayAssess(CurrentUser user, long caseId) {
        service.getVisible(user, caseId);
        if (!FollowUpService.mayAssess(user)) {
            throw new AccessDeniedException("the scoreboard and measures are Siva's");
        }
    }

    /** Operators this user may start a follow-up of: in her scope and still in the programme. */
    private List<Operator> startable(CurrentUser user) {
        return operators.visibleTo(user).stream().filter(o -> o.getStatus() != OperatorStatus.TERMINATED)
                .filter(o -> FollowUpService.mayStart(user, o)).toList();
    }

    @GetMapping("/follow-up/{id}")
    public String show(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                       @RequestParam(required = false) Integer fra,
                       @RequestParam(required = false) Integer til, Model model) {
        FollowUpCase c = service.getVisible(user, id);
        if (!model.containsAttribute("meeting")) {
            model.addAttribute("meeting", new FollowUpForms.Meeting());
        }
        if (!model.containsAttribute("measure")) {
            model.addAttribute("measure", new FollowUpForms.Measure());
        }
        List<UserTask> caseTasks = tasks.forCase(FollowUpService.CASE_TYPE, id);
        model.addAttribute("c", c);
        model.addAttribute("operator", operators.getVisible(user, c.getOperatorId()));
        model.addAttribute("triggers", service.triggers(id));
        model.addAttribute("triggerLabels", FollowUpService.TRIGGER_LABELS);
        model.addAttribute("meetings", followUpWork.meetings(id));
        model.addAttribute("meetingForms", FollowUpService.MEETING_FORMS);
        List<FollowUpWork.Scoreboard> boards = followUpWork.scoreboards(id);   // newest first
        model.addAttribute("boards", boards);
        // two versions side by side: the chosen ones, else the latest and the one before it
        if (boards.size() > 1) {
            model.addAttribute("compareTo", version(boards, til).orElse(boards.get(0)));
            model.addAttribute("compareFrom", version(boards, fra).orElse(boards.get(1)));
        }
        model.addAttribute("areas", followUpWork.areas());
        model.addAttribute("level", followUpWork.programmeLevel(c.getOperatorId()));
        model.addAttribute("measures", followUpWork.measures(id));
        model.addAttribute("tasks", caseTasks);
        model.addAttribute("diagram", CaseDiagram.of(FollowUpService.PROCESS_ID, caseTasks));
        model.addAttribute("documents", documents.forCase(FollowUpService.CASE_TYPE, id));
        model.addAttribute("history", audit.forCase(FollowUpService.CASE_TYPE, id));
        model.addAttribute("mails", user.hasNationalScope()
                ? notifications.forCase(FollowUpService.CASE_TYPE, id) : List.of());
        model.addAttribute("mayLog", !c.isClosed() && FollowUpService.mayLog(user, c));
        model.addAttribute("mayAssess", !c.isClosed() && FollowUpService.mayAssess(user));
        model.addAttribute("mayAddMeasures", c.getStatus() == FollowUpStatus.OPEN && FollowUpService.mayAssess(user));
        return "followup/case";
    }

    @PostMapping("/follow-up/{id}/meetings")
    public String meeting(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                          @Valid @ModelAttribute("meeting") FollowUpForms.Meeting form, BindingResult errors, Model model,
                          RedirectAttributes flash) {
        if (!FollowUpService.mayLog(user, service.getVisible(user, id))) {
            throw new AccessDeniedException("may not log meetings");
        }
        if (form.getForm() != null && !FollowUpService.MEETING_FORMS.contains(form.getForm())) {
            errors.rejectValue("form", "followup.error.meetingForm");
        }
        if (errors.hasErrors()) {
            return show(user, id, null, null, model);
        }
        followUpWork.recordMeeting(user, id, form.getHeldOn(), form.getForm(), form.getParticipants().trim(), form.getSummary().trim());
        flash.addFlashAttribute("successKey", "followup.meetingLogged");
        return "redirect:/follow-up/" + id + "#motelogg";
    }

    @PostMapping("/follow-up/{id}/measures")
    public String measure(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                          @Valid @ModelAttribute("measure") FollowUpForms.Measure form, BindingResult errors, Model model,
                          RedirectAttributes flash) {
        requireMayAssess(user, id);
        if (form.getDueDate() != null && form.getDueDate().isBefore(LocalDate.now(clock))) {
            errors.rejectValue("dueDate", "followup.error.dueInPast");
        }
        if (errors.hasErrors()) {
            return show(user, id, null, null, model);
        }
        followUpWork.addMeasure(user, id, form.getDescription().trim(), form.getOwner().trim(), form.getDueDate());
        flash.addFlashAttribute("successKey", "followup.measureAdded");
        return "redirect:/follow-up/" + id + "#tiltak";
    }

    /** A new version of the scoreboard: every area needs a score 1–5; comments are optional. */
    @PostMapping("/follow-up/{id}/scoreboard")
    public String scoreboard(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                             @RequestParam MultiValueMap<String, String> params, Model model, RedirectAttributes flash) {
        requireMayAssess(user, id);
        Map<String, Integer> scores = new LinkedHashMap<>();
        Map<String, String> comments = new HashMap<>();
        Map<String, String> scoreErrors = new HashMap<>();
        for (String area : followUpWork.areas().keySet()) {
            String raw = params.getFirst("score-" + area);
            String comment = params.getFirst("comment-" + area);
            try {
                int score = Integer.parseInt(raw == null ? "" : raw.trim());
                if (score < 1 || score > 5) {
                    throw new NumberFormatException();
                }
                scores.put(area, score);
            } catch (NumberFormatException e) {
                scoreErrors.put(area, "followup.error.score");
            }
            if (comment != null && comment.length() > 2000) {
                scoreErrors.put(area, "followup.error.commentTooLong");
            }
            comments.put(area, comment);
        }
        if (!scoreErrors.isEmpty()) {
            model.addAttribute("scoreErrors", scoreErrors);
            model.addAttribute("scoreInput", params.toSingleValueMap());
            return show(user, id, null, null, model);
        }
        int version = followUpWork.saveScoreboard(user, id, scores, comments);
        flash.addFlashAttribute("successKey", "followup.scoreboardSaved");
        flash.addFlashAttribute("successArgs", new Object[] {version});
        return "redirect:/follow-up/" + id + "#scoreboard";
    }

    // ---- an operator's follow-ups and development dialogues ------------------------------------------------------

    @GetMapping("/follow-up/operator/{operatorId}")
    public String operator(@AuthenticationPrincipal CurrentUser user, @PathVariable long operatorId, Model model) {
        if (!user.hasNationalScope() && !user.isCountyOfficial()) {
            throw new AccessDeniedException("Siva and counties only");
        }
        Operator o = operators.getVisible(user, operatorId);
        if (!model.containsAttribute("dialogue")) {
            model.addAttribute("dialogue", new FollowUpForms.Dialogue());
        }
        model.addAttribute("operator", o);
        model.addAttribute("cases", service.forOperator(operatorId));
        model.addAttribute("dialogues", operatorDialogues.dialogues(operatorId));
        model.addAttribute("mayStart", o.getStatus() != OperatorStatus.TERMINATED && FollowUpService.mayStart(user, o));
        model.addAttribute("mayRecordDialogue", o.getStatus() != OperatorStatus.TERMINATED && FollowUpService.mayAssess(user));
        return "followup/operator";
    }

    @PostMapping("/follow-up/operator/{operatorId}/dialogues")
    @RefusedReturnsTo("/follow-up/operator/{operatorId}")
    public String dialogue(@AuthenticationPrincipal CurrentUser user, @PathVariable long operatorId,
                           @Valid @ModelAttribute("dialogue") FollowUpForms.Dialogue form, BindingResult errors,
                           Model model, RedirectAttributes flash) {
        operators.getVisible(user, operatorId);
        if (!FollowUpService.mayAssess(user)) {
            throw new AccessDeniedException("may not record dialogues");
        }
        if (errors.hasErrors()) {
            return operator(user, operatorId, model);
        }
        operatorDialogues.recordDialogue(user, operatorId, form.getHeldOn(), form.isCountyParticipated(), form.getOnTrack(),
                form.getSummary().trim());
        flash.addFlashAttribute("successKey", form.getOnTrack() ? "followup.dialogueRecorded" : "followup.dialogueRaised");
        return "redirect:/follow-up/operator/" + operatorId;
    }
}
