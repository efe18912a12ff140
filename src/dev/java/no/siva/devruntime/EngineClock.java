package no.siva.devruntime;

import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.scheduler.clock.ControlledActorClock;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicLong;
import no.siva.programflyt.shared.Formats;

/**
 * The application's clock in the development run and the tests: it reads the in-memory engine's own clock, so that
 * the two can never disagree. Moving the engine's clock ({@code ZeebeTestEngine.increaseTime}, as the tests and the
 * time-travel page do) moves the application's "now" and "today" by the same amount at the same instant, and a test
 * that starts the engine at a stated date starts the application there too.
 *
 * <p>The engine's {@link ControlledActorClock} keeps a fixed time or an offset from the system clock; both are read
 * directly (its public {@code getCurrentTime()} is refreshed by the engine's threads and may lag by up to 20 ms).
 * While no engine is followed (between two tests, or an application whose engine runs elsewhere) the clock keeps the
 * last engine's offset.
 */
public final class EngineClock extends Clock {

    /** A followed engine's clock: its fixed time (when pinned, else not positive) and its offset. */
    private record Followed(AtomicLong currentTime, AtomicLong currentOffset) {}

    private final ZoneId zone;
    private volatile Followed engineClock;
    private volatile long offsetMillis;

    public EngineClock() {
        this(Formats.OSLO);
    }

    private EngineClock(ZoneId zone) {
        this.zone = zone;
    }

    /** From now on, the application's time is this engine's. */
    public void follow(ZeebeTestEngine engine) {
        ControlledActorClock c = actorClockOf(engine);
        engineClock = new Followed(field(c, "currentTime"), field(c, "currentOffset"));
    }

    /** The engine is gone: keep its offset from the system clock until the next one is followed. */
    public void release() {
        Followed c = engineClock;
        if (c != null) {
            offsetMillis = millis(c) - System.currentTimeMillis();
            engineClock = null;
        }
    }

    /** The in-memory engine's clock (zeebe-process-test keeps it in a private field of its {@code InMemoryEngine}). */
    static ControlledActorClock actorClockOf(ZeebeTestEngine engine) {
        try {
            var field = engine.getClass().getDeclaredField("clock");
            field.setAccessible(true);
            return (ControlledActorClock) field.get(engine);
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new IllegalStateException("Not an in-memory engine with a controlled clock: " + engine.getClass(), e);
        }
    }

    private static AtomicLong field(ControlledActorClock c, String name) {
        try {
            var field = ControlledActorClock.class.getDeclaredField(name);
            field.setAccessible(true);
            return (AtomicLong) field.get(c);
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new IllegalStateException("The in-memory engine's clock has no field " + name, e);
        }
    }

    /** As {@code ControlledActorClock.update()} computes it, without waiting for the engine's threads to call it. */
    private static long millis(Followed c) {
        long pinned = c.currentTime().get();
        return pinned > 0 ? pinned : System.currentTimeMillis() + c.currentOffset().get();
    }

    @Override
    public long millis() {
        Followed c = engineClock;
        return c != null ? millis(c) : System.currentTimeMillis() + offsetMillis;
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(millis());
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
        if (other.equals(zone)) {
            return this;
        }
        EngineClock self = this;
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return other;
            }

            @Override
            public Clock withZone(ZoneId z) {
                return self.withZone(z);
            }

            @Override
            public long millis() {
                return self.millis();
            }

            @Override
            public Instant instant() {
                return self.instant();
            }
        };
    }
}
