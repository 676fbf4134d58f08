package org.mspportal.plans;

import java.util.Arrays;
import java.util.List;

/** What a plan lets its customers protect, in the two groups the product shows them in. */
public enum Workload {
    FILE_SERVERS("File servers", Group.HYBRID),
    MS_SQL("MS-SQL", Group.HYBRID),
    NAS("NAS", Group.HYBRID),
    ORACLE("Oracle", Group.HYBRID),
    VMWARE("VMware", Group.HYBRID),
    MICROSOFT_365("Microsoft 365", Group.SAAS_AND_ENDPOINTS),
    GOOGLE_WORKSPACE("Google Workspace", Group.SAAS_AND_ENDPOINTS),
    ENDPOINTS("Endpoints", Group.SAAS_AND_ENDPOINTS);

    public enum Group {
        HYBRID("Hybrid workloads"),
        SAAS_AND_ENDPOINTS("SaaS apps & endpoints");

        private final String label;

        Group(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        public List<Workload> workloads() {
            return Arrays.stream(Workload.values()).filter(workload -> workload.group == this).toList();
        }
    }

    private final String label;
    private final Group group;

    Workload(String label, Group group) {
        this.label = label;
        this.group = group;
    }

    public String label() {
        return label;
    }

    public Group group() {
        return group;
    }
}
