package org.mspportal.migration;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.mspportal.plans.Edition;
import org.mspportal.plans.Workload;

/**
 * A new source account as the operator's form, the API or an import gives it. Leave every hybrid
 * field empty when the account has no hybrid tenant, and a product's date empty when it is not
 * licensed. Field names are the form fields and JSON properties.
 */
public record RegisterSourceAccount(String name, String cloudAdministratorEmail, Edition hybridEdition,
        Set<Workload> hybridWorkloads, LocalDate hybridExpiresOn, LocalDate microsoft365ExpiresOn,
        LocalDate googleWorkspaceExpiresOn, LocalDate endpointsExpiresOn, List<PastUsage> pastUsage) {
}
