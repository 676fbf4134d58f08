package org.mspportal.usage;

/**
 * Another batch stored a record for the same customer, workload and day while this one was being
 * stored. Nothing of this batch is kept; sending it again replaces the other's figure.
 */
class ConcurrentUsage extends RuntimeException {

    ConcurrentUsage() {
        super("Another batch stored usage for the same customer, workload and day at the same moment. "
                + "Nothing of this batch was stored; send it again.");
    }
}
