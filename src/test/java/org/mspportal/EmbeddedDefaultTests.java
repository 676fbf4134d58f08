package org.mspportal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mspportal.notifications.MailOutbox;
import org.mspportal.notifications.OutgoingMail;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The portal as the README's run command starts it: its shipped configuration, an H2 file
 * database, no mail server. Only the folder of the database files differs, so the test cannot
 * collide with a portal someone runs from the same checkout.
 */
class EmbeddedDefaultTests {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void theShippedDefaultIsAnH2FileDatabaseUnderData() throws IOException {
        var sources = new YamlPropertySourceLoader().load("application", new ClassPathResource("application.yml"));
        Object url = sources.get(0).getProperty("spring.datasource.url");

        assertThat(url).asString().startsWith("jdbc:h2:file:./data/");
    }

    @Test
    void servesTheSignInPageAndHealthAndKeepsDataAcrossARestart(@TempDir Path folder) throws Exception {
        String recipient = "first-admin-" + UUID.randomUUID() + "@msp.example";
        String database = "jdbc:h2:file:" + folder.resolve("data/mspportal")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";

        try (ConfigurableApplicationContext first = start(database)) {
            assertThat(get(first, "/sign-in").body()).contains("Sign in to MSP Portal");
            assertThat(get(first, "/actuator/health").body()).contains("\"status\":\"UP\"");
            first.getBean(MailOutbox.class).queue(new OutgoingMail(recipient, "Welcome", "notice",
                    Map.of("heading", "Welcome", "paragraphs", java.util.List.of("Stored.")), Optional.empty()));
        }
        assertThat(Files.list(folder.resolve("data"))).anyMatch(file -> file.toString().endsWith(".mv.db"));

        try (ConfigurableApplicationContext second = start(database)) {
            assertThat(get(second, "/dev/mailbox").body()).contains(recipient);
        }
    }

    private static ConfigurableApplicationContext start(String databaseUrl) {
        return new SpringApplicationBuilder(MspPortalApplication.class)
                .run("--server.port=0", "--spring.datasource.url=" + databaseUrl, "--portal.scheduling.enabled=false");
    }

    private HttpResponse<String> get(ConfigurableApplicationContext context, String path) throws Exception {
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response;
    }
}
