package org.mspportal.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.mspportal.shared.Sha256;
import org.mspportal.shared.StoredTime;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Rate limits on the sign-in steps, per client address and per account, kept in the database so
 * that every instance counts against one allowance (in memory, N instances behind a proxy would
 * let N times the tries through). They blunt bursts (a known email-code plug-in let 500 guesses
 * through in 4 s); the durable limits are the wrong-password lockout and the per-attempt code limit.
 *
 * <p>Each step and key has a window of one minute starting at its first try, holding
 * {@code tries-per-minute} tries. Every change is one conditional statement, so two instances
 * taking the last try at once cannot both get it. Each statement commits on its own: the pages
 * call this outside any transaction, and a refusal must stick even if the step then fails.
 */
@Component
class SignInThrottle {

    /** A step of the journey; each has its own allowance per key. */
    enum Step { EMAIL, PASSWORD, CODE, LINK }

    private static final Duration WINDOW = Duration.ofMinutes(1);
    private static final Duration KEPT = Duration.ofHours(1);

    private final int triesPerMinute;
    private final JdbcClient jdbc;
    private final Clock clock;

    SignInThrottle(SignInSettings settings, JdbcClient jdbc, Clock clock) {
        this.triesPerMinute = settings.triesPerMinute();
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Takes one try for each key (e.g. the address and the email); false if any is used up. */
    boolean tryTake(Step step, String... keys) {
        boolean allowed = true;
        for (String key : keys) {
            allowed &= tryTake(Sha256.hex(step + "|" + key));
        }
        return allowed;
    }

    private boolean tryTake(String bucket) {
        Instant now = clock.instant();
        if (takeInOpenWindow(bucket, now) || startNewWindow(bucket, now)) {
            return true;
        }
        boolean known = jdbc.sql("SELECT COUNT(*) FROM sign_in_throttle WHERE bucket = :bucket")
                .param("bucket", bucket).query(Long.class).single() > 0;
        if (known) {
            return false;   // its window is open and used up
        }
        try {
            jdbc.sql("INSERT INTO sign_in_throttle (bucket, window_start, tries) VALUES (:bucket, :now, 1)")
                    .param("bucket", bucket).param("now", StoredTime.of(now)).update();
            return true;
        } catch (DuplicateKeyException anotherInstanceWasFirst) {
            return takeInOpenWindow(bucket, now);
        }
    }

    private boolean takeInOpenWindow(String bucket, Instant now) {
        return jdbc.sql("""
                UPDATE sign_in_throttle SET tries = tries + 1
                 WHERE bucket = :bucket AND window_start > :windowOpened AND tries < :limit""")
                .param("bucket", bucket)
                .param("windowOpened", StoredTime.of(now.minus(WINDOW)))
                .param("limit", triesPerMinute)
                .update() == 1;
    }

    private boolean startNewWindow(String bucket, Instant now) {
        return jdbc.sql("""
                UPDATE sign_in_throttle SET window_start = :now, tries = 1
                 WHERE bucket = :bucket AND window_start <= :windowOpened""")
                .param("bucket", bucket)
                .param("now", StoredTime.of(now))
                .param("windowOpened", StoredTime.of(now.minus(WINDOW)))
                .update() == 1;
    }

    /** Forgets keys not seen for an hour; their next try opens a new window anyway. */
    @Scheduled(cron = "${portal.sign-in.throttle-purge-cron:0 */10 * * * *}")
    @SchedulerLock(name = "sign-in-throttle-purge", lockAtMostFor = "PT5M")
    public void purgeIdleKeys() {
        jdbc.sql("DELETE FROM sign_in_throttle WHERE window_start < :before")
                .param("before", StoredTime.of(clock.instant().minus(KEPT)))
                .update();
    }
}
