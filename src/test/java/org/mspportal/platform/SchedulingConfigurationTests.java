package org.mspportal.platform;

import org.junit.jupiter.api.Test;
import org.mspportal.DatabaseTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.scheduling.config.TaskManagementConfigUtils;

import static org.assertj.core.api.Assertions.assertThat;

/** Tests run the portal's jobs by hand; a background schedule would race them. */
@DatabaseTest
class SchedulingConfigurationTests {

    @Autowired ApplicationContext context;

    @Test
    void noScheduleRunsWhenSchedulingIsSwitchedOff() {
        assertThat(context.containsBean(TaskManagementConfigUtils.SCHEDULED_ANNOTATION_PROCESSOR_BEAN_NAME))
                .as("nothing else on the classpath switches @EnableScheduling on")
                .isFalse();
    }
}
