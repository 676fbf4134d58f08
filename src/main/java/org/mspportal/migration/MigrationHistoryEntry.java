package org.mspportal.migration;

import java.time.Instant;

/**
 * One step in a migration's history.
 *
 * @param from the stage before, or null for the request being raised
 * @param actor who acted: a person's email, or {@code system}
 */
public record MigrationHistoryEntry(Stage from, Stage to, String actor, Instant at, String note) {
}
