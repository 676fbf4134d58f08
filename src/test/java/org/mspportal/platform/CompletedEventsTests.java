package org.mspportal.platform;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.mspportal.DatabaseTest;
import org.mspportal.TestClock;
import org.mspportal.shared.StoredTime;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** How long the event publication registry keeps what it recorded. */
@DatabaseTest
class CompletedEventsTests {

    @Autowired CompletedEvents completedEvents;
    @Autowired JdbcClient jdbc;
    @Autowired TestClock clock;

    @Test
    void publicationsCompletedOverAWeekAgoAreDeletedAndRecentOrUncompletedOnesStay() {
        Instant now = clock.instant();
        UUID old = publication(now.minus(Duration.ofDays(9)), now.minus(Duration.ofDays(8)));
        UUID recent = publication(now.minus(Duration.ofDays(9)), now.minus(Duration.ofDays(6)));
        UUID uncompleted = publication(now.minus(Duration.ofDays(30)), null);

        completedEvents.forgetOldPublications();

        assertThat(exists(old)).isFalse();
        assertThat(exists(recent)).isTrue();
        assertThat(exists(uncompleted)).isTrue();
    }

    private UUID publication(Instant published, Instant completed) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO event_publication (id, listener_id, event_type, serialized_event, publication_date,
                                               completion_date, status, completion_attempts)
                VALUES (:id, 'test.listener', 'test.Event', '{}', :published, :completed, :status, 1)""")
                .param("id", id)
                .param("published", StoredTime.of(published))
                .param("completed", completed == null ? null : StoredTime.of(completed))
                .param("status", completed == null ? "PROCESSING" : "COMPLETED")
                .update();
        return id;
    }

    private boolean exists(UUID id) {
        return jdbc.sql("SELECT COUNT(*) FROM event_publication WHERE id = :id").param("id", id)
                .query(Integer.class).single() == 1;
    }
}
