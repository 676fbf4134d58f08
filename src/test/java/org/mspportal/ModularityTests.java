package org.mspportal;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.Violations;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Module boundaries: a module reaches another only through its public API or events. */
class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(MspPortalApplication.class);

    @Test
    void modulesRespectEachOthersBoundaries() {
        modules.verify();
    }

    /** The check above is only worth something if it can fail: here it meets a module that does. */
    @Test
    void theBoundaryCheckFailsWhenAModuleUsesAnothersInternals() {
        ApplicationModules violating = ApplicationModules.of("fixtures.modularity.violating", location -> true);

        assertThatExceptionOfType(Violations.class)
                .isThrownBy(violating::verify)
                .withMessageContaining("fixtures.modularity.violating.alpha.internal.Secret");
    }

    @Test
    void writesModuleDocumentation() {
        new Documenter(modules).writeDocumentation();
    }
}
