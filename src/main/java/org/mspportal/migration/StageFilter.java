package org.mspportal.migration;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A choice of the Migrations list's stage filter: every stage, those still moving, or one stage.
 *
 * @param value the request parameter's value: "", "OPEN" or a stage's name
 */
record StageFilter(String value, String label, Set<Stage> stages) {

    static final StageFilter EVERY_STAGE = new StageFilter("", "Every stage", Set.of());

    /** In the order the list's filter offers them. */
    static final List<StageFilter> CHOICES = choices();

    /** The choice of that parameter value; every stage for one that names none. */
    static StageFilter of(String value) {
        return CHOICES.stream().filter(choice -> choice.value().equalsIgnoreCase(value.strip())).findFirst()
                .orElse(EVERY_STAGE);
    }

    private static List<StageFilter> choices() {
        List<StageFilter> choices = new ArrayList<>();
        choices.add(EVERY_STAGE);
        choices.add(new StageFilter("OPEN", "Still open", Arrays.stream(Stage.values()).filter(Stage::open)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Stage.class)))));
        Arrays.stream(Stage.values()).forEach(stage -> choices.add(new StageFilter(stage.name(), stage.label(),
                EnumSet.of(stage))));
        return List.copyOf(choices);
    }
}
