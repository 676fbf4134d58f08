package org.mspportal.usage;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.mspportal.shared.Auditable;

/**
 * An MSP administrator uploaded a usage CSV in the portal and it was stored: audited with the
 * file's name and SHA-256 (the same file uploaded again is recognised by it) and what it held.
 */
public record UsageUploaded(UUID provider, String fileName, String sha256, int records, int replaced,
        BigDecimal credits, LocalDate firstDay, LocalDate lastDay) implements Auditable {

    @Override
    public String action() {
        return "usage.uploaded";
    }

    @Override
    public String objectType() {
        return "usage-upload";
    }

    @Override
    public String objectId() {
        return sha256;
    }

    @Override
    public Optional<UUID> providerId() {
        return Optional.of(provider);
    }

    @Override
    public String summary() {
        return "Uploaded usage from " + fileName + ": " + records + (records == 1 ? " record, " : " records, ") + firstDay
                + " to " + lastDay;
    }

    @Override
    public Map<String, Object> details() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("fileName", fileName);
        details.put("sha256", sha256);
        details.put("records", records);
        details.put("replaced", replaced);
        details.put("credits", credits.toPlainString());
        details.put("firstDay", firstDay.toString());
        details.put("lastDay", lastDay.toString());
        return details;
    }
}
