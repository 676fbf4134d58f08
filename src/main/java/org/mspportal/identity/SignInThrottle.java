package org.mspportal.identity;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import org.springframework.stereotype.Component;

/**
 * Rate limits on the sign-in steps, per client address and per account, in this instance's
 * memory. They blunt bursts (a known email-code plug-in let 500 guesses through in 4 s); the
 * durable limits live in the database: the wrong-password lockout and the per-attempt code limit,
 * which hold across instances and restarts.
 */
@Component
class SignInThrottle {

    /** A step of the journey; each has its own allowance per key. */
    enum Step { EMAIL, PASSWORD, CODE, LINK }

    private final int triesPerMinute;

    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .maximumSize(100_000)
            .expireAfterAccess(Duration.ofMinutes(10))
            .build();

    SignInThrottle(SignInSettings settings) {
        this.triesPerMinute = settings.triesPerMinute();
    }

    /** Takes one try for each key (e.g. the address and the email); false if any is used up. */
    boolean tryTake(Step step, String... keys) {
        boolean allowed = true;
        for (String key : keys) {
            allowed &= buckets.get(step + "|" + key, ignored -> newBucket()).tryConsume(1);
        }
        return allowed;
    }

    private Bucket newBucket() {
        return Bucket.builder()
                .addLimit(limit -> limit.capacity(triesPerMinute).refillGreedy(triesPerMinute, Duration.ofMinutes(1)))
                .build();
    }
}
