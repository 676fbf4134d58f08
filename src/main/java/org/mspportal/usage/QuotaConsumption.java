package org.mspportal.usage;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The credits customers consumed inside their quota windows: what quota alerts divide by the
 * quota, counted exactly as the Global Usage report counts them ({@link RollUpReads#inWindows}).
 * Read for the system (after a batch is stored), not for a signed-in person, so callers pass
 * each customer's MSP with ids they got from a {@link UsageIngested} event.
 */
@Service
public class QuotaConsumption {

    private final RollUpReads rollUps;

    QuotaConsumption(RollUpReads rollUps) {
        this.rollUps = rollUps;
    }

    /** A customer's quota window, both days included. */
    public record Window(UUID providerId, UUID customerId, LocalDate firstDay, LocalDate lastDay) {
    }

    /** The credits consumed by each window's customer from its first to its last day. */
    @Transactional(readOnly = true)
    public Map<UUID, BigDecimal> within(List<Window> windows) {
        Map<UUID, BigDecimal> consumed = new HashMap<>();
        windows.stream().collect(Collectors.groupingBy(Window::providerId)).forEach((provider, own) ->
                consumed.putAll(rollUps.inWindows(provider, own.stream()
                        .map(window -> new RollUpReads.Window(window.customerId(), window.firstDay(), window.lastDay()))
                        .toList())));
        return consumed;
    }

    /** Consumed as a share of the quota, in percent with two decimals, as reports and mails show it. */
    static BigDecimal utilization(BigDecimal consumed, BigDecimal quota) {
        return consumed.multiply(BigDecimal.valueOf(100)).divide(quota, 2, RoundingMode.HALF_UP);
    }
}
