package no.siva.programflyt.followup;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/** The follow-up pages' small forms, validated on the server (Norwegian messages at each field). */
final class FollowUpForms {

    private FollowUpForms() {}

    static class Start {
        @NotNull
        private Long operatorId;
        @NotBlank
        @Size(max = 4000)
        private String evidence;

        public Long getOperatorId() {
            return operatorId;
        }

        public void setOperatorId(Long operatorId) {
            this.operatorId = operatorId;
        }

        public String getEvidence() {
            return evidence;
        }

        public void setEvidence(String evidence) {
            this.evidence = evidence;
        }
    }

    static class Meeting {
        @NotNull
        @PastOrPresent
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        private LocalDate heldOn;
        @NotBlank
        private String form;
        @NotBlank
        @Size(max = 1000)
        private String participants;
        @NotBlank
        @Size(max = 4000)
        private String summary;

        public LocalDate getHeldOn() {
            return heldOn;
        }

        public void setHeldOn(LocalDate heldOn) {
            this.heldOn = heldOn;
        }

        public String getForm() {
            return form;
        }

        public void setForm(String form) {
            this.form = form;
        }

        public String getParticipants() {
            return participants;
        }

        public void setParticipants(String participants) {
            this.participants = participants;
        }

        public String getSummary() {
            return summary;
        }

        public void setSummary(String summary) {
            this.summary = summary;
        }
    }

    static class Measure {
        @NotBlank
        @Size(max = 2000)
        private String description;
        @NotBlank
        @Size(max = 200)
        private String owner;
        @NotNull
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        private LocalDate dueDate;

        public String getDescription() {
            return description;
        }

        public void setDescription(String description) {
            this.description = description;
        }

        public String getOwner() {
            return owner;
        }

        public void setOwner(String owner) {
            this.owner = owner;
        }

        public LocalDate getDueDate() {
            return dueDate;
        }

        public void setDueDate(LocalDate dueDate) {
            this.dueDate = dueDate;
        }
    }

    static class Dialogue {
        @NotNull
        @PastOrPresent
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        private LocalDate heldOn;
        private boolean countyParticipated;
        @NotNull
        private Boolean onTrack;
        @NotBlank
        @Size(max = 4000)
        private String summary;

        public LocalDate getHeldOn() {
            return heldOn;
        }

        public void setHeldOn(LocalDate heldOn) {
            this.heldOn = heldOn;
        }

        public boolean isCountyParticipated() {
            return countyParticipated;
        }

        public void setCountyParticipated(boolean countyParticipated) {
            this.countyParticipated = countyParticipated;
        }

        public Boolean getOnTrack() {
            return onTrack;
        }

        public void setOnTrack(Boolean onTrack) {
            this.onTrack = onTrack;
        }

        public String getSummary() {
            return summary;
        }

        public void setSummary(String summary) {
            this.summary = summary;
        }
    }
}
