package no.siva.programflyt.shared;

import java.time.Duration;
import java.time.Instant;

/**
 * "Due soon" counts days as the reminders do: a task is due soon when its deadline falls on one of the next
 * {@code window} days (Oslo), so the list marks it on the morning its "three days left" reminder is sent, not only
 * once fewer than 72 hours remain to the deadline's 23:59.
 */
public final class DueSoon {

    private DueSoon() {}

    /** The first moment that is no longer "soon": the start of the day after the window's last day. */
    public static Instant limit(Instant now, Duration window) {
        return now.atZone(Formats.OSLO).toLocalDate().plusDays(window.toDays() + 1).atStartOfDay(Formats.OSLO).toInstant();
    }
}
