package org.mspportal.migration;

/** Whether the account may be migrated: a suspended one may not (seed 004's sanity check). */
public enum SourceAccountStatus {
    ACTIVE,
    SUSPENDED
}
