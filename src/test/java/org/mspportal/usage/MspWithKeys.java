package org.mspportal.usage;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;

import java.time.Clock;
import java.util.EnumSet;
import java.util.UUID;

import org.mspportal.TestMsps;
import org.mspportal.identity.ApiKeyManagement;
import org.mspportal.identity.ApiKeyScope;
import org.mspportal.identity.Role;
import org.mspportal.plans.CreateServicePlan;
import org.mspportal.plans.Edition;
import org.mspportal.plans.ServicePlanManagement;
import org.mspportal.plans.UsageReportFrequency;
import org.mspportal.plans.Workload;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * What the usage endpoints' tests start from: an MSP with a Business plan of every workload, a
 * read and a usage-ingest API key, and its administrator as MockMvc signs them in.
 */
record MspWithKeys(UUID provider, UUID businessPlan, String readKey, String ingestKey, RequestPostProcessor admin) {

    static MspWithKeys created(JdbcClient jdbc, Clock clock, ServicePlanManagement plans, ApiKeyManagement keys) {
        TestMsps msps = new TestMsps(jdbc, clock);
        UUID provider = msps.provider();
        TestMsps.actAs(msps.stored(provider, Role.MSP_ADMINISTRATOR));
        try {
            UUID plan = plans.create(new CreateServicePlan("Business", Edition.BUSINESS, UsageReportFrequency.MONTHLY,
                    EnumSet.allOf(Workload.class))).id();
            return new MspWithKeys(provider, plan, keys.create("Reporting", EnumSet.of(ApiKeyScope.READ)).secret(),
                    keys.create("Metering", EnumSet.of(ApiKeyScope.USAGE_INGEST)).secret(),
                    authentication(TestMsps.of(provider, Role.MSP_ADMINISTRATOR)));
        } finally {
            TestMsps.actAsNobody();
        }
    }
}
