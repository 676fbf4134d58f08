package org.mspportal.alerts;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalInt;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.mspportal.shared.RejectedInput;

/**
 * An MSP's alert thresholds: the percentages of a quota that raise a warning, a critical alert
 * and an exhausted alert (each 1–100, in increasing order), and the days before a licence expires
 * that a reminder goes out (1–365, kept in descending order without repeats).
 */
public record AlertSettings(int warningPercent, int criticalPercent, int exhaustedPercent, List<Integer> reminderDays) {

    static final AlertSettings DEFAULTS = new AlertSettings(80, 90, 100, List.of(30, 15, 7, 3, 1));
    static final int MOST_REMINDER_DAYS = 365;
    static final int MOST_REMINDERS = 20;

    public AlertSettings {
        requirePercent("warningPercent", warningPercent);
        requirePercent("criticalPercent", criticalPercent);
        requirePercent("exhaustedPercent", exhaustedPercent);
        if (criticalPercent <= warningPercent) {
            throw new RejectedInput("criticalPercent", "The critical level must be above the warning level ("
                    + warningPercent + " %).");
        }
        if (exhaustedPercent <= criticalPercent) {
            throw new RejectedInput("exhaustedPercent", "The exhausted level must be above the critical level ("
                    + criticalPercent + " %).");
        }
        reminderDays = checkedDays(reminderDays);
    }

    /** Settings as a form sends them: whole numbers as text, the days separated by commas or spaces. */
    static AlertSettings of(String warning, String critical, String exhausted, String reminderDays) {
        return new AlertSettings(percent("warningPercent", warning), percent("criticalPercent", critical),
                percent("exhaustedPercent", exhausted), days(reminderDays));
    }

    /** The quota levels, lowest first. */
    List<Level> levels() {
        return List.of(new Level(AlertKind.QUOTA_WARNING, warningPercent),
                new Level(AlertKind.QUOTA_CRITICAL, criticalPercent),
                new Level(AlertKind.QUOTA_EXHAUSTED, exhaustedPercent));
    }

    record Level(AlertKind kind, int percent) {
    }

    /**
     * The reminder due when a licence expires in {@code daysLeft} days: the closest configured day
     * at or above it. A job that missed the 30-day run but runs 29 days ahead still sends the
     * 30-day reminder (once: it is recorded); a job that missed everything from 30 to 16 days sends
     * only the 15-day one, since older reminders would say less than the current one.
     */
    OptionalInt reminderDueAt(long daysLeft) {
        OptionalInt due = OptionalInt.empty();
        for (int day : reminderDays) {
            if (day >= daysLeft) {
                due = OptionalInt.of(day);
            }
        }
        return due;
    }

    public String reminderDaysText() {
        return reminderDays.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }

    private static void requirePercent(String field, int percent) {
        if (percent < 1 || percent > 100) {
            throw new RejectedInput(field, "Enter a percentage from 1 to 100.");
        }
    }

    private static int percent(String field, String typed) {
        String text = typed == null ? "" : typed.strip();
        if (!text.matches("[0-9]{1,3}")) {
            throw new RejectedInput(field, "Enter a whole percentage from 1 to 100.");
        }
        return Integer.parseInt(text);
    }

    private static List<Integer> days(String typed) {
        String text = typed == null ? "" : typed.strip();
        if (text.isEmpty()) {
            throw new RejectedInput("reminderDays", "Enter at least one day, for example 30, 15, 7, 3, 1.");
        }
        List<Integer> days = new ArrayList<>();
        for (String part : text.split("[,;\\s]+")) {
            if (!part.matches("[0-9]{1,4}")) {
                throw new RejectedInput("reminderDays", "\"" + part + "\" is not a number of days; "
                        + "write whole numbers separated by commas, for example 30, 15, 7.");
            }
            days.add(Integer.parseInt(part));
        }
        return days;
    }

    private static List<Integer> checkedDays(List<Integer> days) {
        if (days == null || days.isEmpty()) {
            throw new RejectedInput("reminderDays", "Enter at least one day, for example 30, 15, 7, 3, 1.");
        }
        TreeSet<Integer> distinct = new TreeSet<>(Comparator.reverseOrder());
        for (Integer day : days) {
            if (day == null || day < 1 || day > MOST_REMINDER_DAYS) {
                throw new RejectedInput("reminderDays", "Each day must be from 1 to " + MOST_REMINDER_DAYS + ".");
            }
            distinct.add(day);
        }
        if (distinct.size() > MOST_REMINDERS) {
            throw new RejectedInput("reminderDays", "Send at most " + MOST_REMINDERS + " reminders.");
        }
        return List.copyOf(distinct);
    }
}
