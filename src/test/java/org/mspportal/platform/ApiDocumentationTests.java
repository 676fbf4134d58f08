package org.mspportal.platform;

import org.junit.jupiter.api.Test;
import org.mspportal.DatabaseTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The OpenAPI document at {@code /v3/api-docs}: public, the API's paths only, with camelCase fields. */
@DatabaseTest
@AutoConfigureMockMvc
class ApiDocumentationTests {

    @Autowired MockMvc mvc;

    @Test
    void theDocumentIsReadableWithoutSigningInAndNamesTheProject() throws Exception {
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.openapi", containsString("3.")))
                .andExpect(jsonPath("$.info.title").value("MSP Portal API"))
                .andExpect(jsonPath("$.info.version").value(not(containsString("@"))))
                .andExpect(jsonPath("$.info.description", containsString("Idempotency-Key")));
    }

    @Test
    void itListsTheCustomersAndServicePlansPathsAndNothingOutsideTheApi() throws Exception {
        mvc.perform(get("/v3/api-docs"))
                .andExpect(jsonPath("$.paths['/api/v1/customers'].get").exists())
                .andExpect(jsonPath("$.paths['/api/v1/customers'].post").exists())
                .andExpect(jsonPath("$.paths['/api/v1/customers/{id}'].patch").exists())
                .andExpect(jsonPath("$.paths['/api/v1/customers/{id}/suspend'].post").exists())
                .andExpect(jsonPath("$.paths['/api/v1/customers/{id}/plan-history'].get").exists())
                .andExpect(jsonPath("$.paths['/api/v1/service-plans'].get").exists())
                .andExpect(jsonPath("$.paths['/api/v1/service-plans/{id}'].delete").exists())
                .andExpect(jsonPath("$.paths['/api/**']").doesNotExist())
                .andExpect(jsonPath("$.paths['/service-plans']").doesNotExist())
                .andExpect(jsonPath("$.paths['/sign-in']").doesNotExist());
    }

    @Test
    void customerFieldsAreDocumentedInCamelCaseWithTheirTypes() throws Exception {
        mvc.perform(get("/v3/api-docs"))
                .andExpect(jsonPath("$.components.schemas.Customer.properties.accountName.type").value("string"))
                .andExpect(jsonPath("$.components.schemas.Customer.properties.servicePlanId.format").value("uuid"))
                .andExpect(jsonPath("$.components.schemas.Customer.properties.creditQuota.type").value("number"))
                .andExpect(jsonPath("$.components.schemas.Customer.properties.licenseExpiryDate.format").value("date"))
                .andExpect(jsonPath("$.components.schemas.Customer.properties.tenantType.enum",
                        hasItems("EVALUATION", "COMMERCIAL")))
                .andExpect(jsonPath("$.components.schemas.NewCustomer.required", hasItems("accountName",
                        "servicePlanId", "storageRegion", "creditQuota", "quotaEffectiveDate", "quotaEndDate",
                        "licenseExpiryDate")))
                .andExpect(jsonPath("$.components.schemas.CustomerChanges.required", hasItems("version")))
                .andExpect(jsonPath("$.paths['/api/v1/customers/{id}'].patch.requestBody.content"
                        + "['application/merge-patch+json'].schema.$ref").value(containsString("CustomerChanges")))
                .andExpect(jsonPath("$.paths['/api/v1/customers'].get.parameters[*].name",
                        hasItems("q", "servicePlanId", "edition", "tenantType", "storageRegion", "status",
                                "expiringWithinDays", "sort", "page", "size")));
    }

    @Test
    void everyOperationTakesAnApiKeyAsABearerToken() throws Exception {
        mvc.perform(get("/v3/api-docs"))
                .andExpect(jsonPath("$.components.securitySchemes.apiKey.type").value("http"))
                .andExpect(jsonPath("$.components.securitySchemes.apiKey.scheme").value("bearer"))
                .andExpect(jsonPath("$.security[0].apiKey").exists());
    }

    @Test
    void swaggerUiIsPublicWithItsOwnPolicyAndThePortalKeepsTheStrictOne() throws Exception {
        mvc.perform(get("/swagger-ui/index.html"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Security-Policy", ApiDocumentation.SWAGGER_UI_POLICY));
        mvc.perform(get("/sign-in"))
                .andExpect(header().string("Content-Security-Policy", SecurityConfiguration.CONTENT_SECURITY_POLICY));
    }
}
