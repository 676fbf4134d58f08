package org.mspportal.usage;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.mspportal.DatabaseTest;
import org.mspportal.plans.Edition;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** The report's JSON, joined from lines written before, is what the portal's mapper writes whole. */
@DatabaseTest
class GlobalUsageJsonTests {

    private static final LocalDate DAY = LocalDate.of(2026, 6, 1);

    @Autowired GlobalUsageJson writer;
    @Autowired JsonMapper json;

    @Test
    void aReportIsWrittenAsTheMapperWritesItsBody() {
        GlobalUsage usage = report(Optional.empty(), List.of(line("Zoë 山田 GmbH", "12.5", List.of("BUSINESS")),
                line("Sandbox", "0", List.of())));

        assertThat(text(writer.written(usage))).isEqualTo(text(json.writeValueAsBytes(GlobalUsageJson.Body.of(usage))));
    }

    @Test
    void aLineThatChangedIsWrittenAgainAndTheOthersAreReused() {
        List<GlobalUsage.CustomerUsage> lines = new ArrayList<>(List.of(line("Alpha", "1", List.of("ELITE")),
                line("Beta", "2", List.of("ELITE"))));
        writer.written(report(Optional.of(Edition.ELITE), lines));
        lines.set(1, line("Beta", "7.25", List.of("ELITE"), lines.get(1).customerId()));

        GlobalUsage refreshed = report(Optional.of(Edition.ELITE), lines);

        assertThat(text(writer.written(refreshed)))
                .isEqualTo(text(json.writeValueAsBytes(GlobalUsageJson.Body.of(refreshed))))
                .contains("7.25");
    }

    private static GlobalUsage report(Optional<Edition> edition, List<GlobalUsage.CustomerUsage> lines) {
        BigDecimal total = lines.stream().map(GlobalUsage.CustomerUsage::credits).reduce(BigDecimal.ZERO,
                BigDecimal::add);
        return new GlobalUsage(new UsageReportFilter(DAY, DAY.plusDays(29), edition), total, total, BigDecimal.ZERO,
                Map.of("BUSINESS", total), List.copyOf(lines),
                new GlobalUsage.Series(false, List.of(DAY), Map.of("BUSINESS", List.of(total))));
    }

    private static GlobalUsage.CustomerUsage line(String name, String credits, List<String> editions) {
        return line(name, credits, editions, UUID.randomUUID());
    }

    private static GlobalUsage.CustomerUsage line(String name, String credits, List<String> editions, UUID id) {
        BigDecimal amount = new BigDecimal(credits);
        return new GlobalUsage.CustomerUsage(id, name, editions, amount, amount, BigDecimal.ZERO,
                new BigDecimal("100.00"), DAY, DAY.plusYears(1), amount, amount, editions.isEmpty() ? null : DAY);
    }

    private static String text(byte[] written) {
        return new String(written, StandardCharsets.UTF_8);
    }
}
