package org.mspportal.platform;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * Keeps the event publication registry small: every audited change leaves a row per listener in
 * {@code event_publication}, which Spring Modulith marks completed and keeps. They are kept for
 * {@code portal.events.keep-completed-for} (a week: proof, while anyone still asks, that a listener
 * ran) and then deleted; publications not completed stay until they are.
 */
@Component
class CompletedEvents {

    private final CompletedEventPublications completed;
    private final Duration keptFor;

    CompletedEvents(CompletedEventPublications completed,
            @Value("${portal.events.keep-completed-for:P7D}") Duration keptFor) {
        this.completed = completed;
        this.keptFor = keptFor;
    }

    /** Deletes publications completed longer ago than they are kept, once an hour across the cluster. */
    @Scheduled(cron = "${portal.events.purge-cron:0 53 * * * *}")
    @SchedulerLock(name = "completed-event-purge", lockAtMostFor = "PT10M")
    public void forgetOldPublications() {
        completed.deletePublicationsOlderThan(keptFor);
    }
}
