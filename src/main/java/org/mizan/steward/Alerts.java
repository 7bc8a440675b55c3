package org.mizan.steward;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import tools.jackson.core.io.JsonStringEncoder;

/**
 * A failed run's alert: one line appended to {@code MIZAN_HOME/alerts.log}, and, when a webhook URL is
 * configured ({@code mizan.alerts.webhook}, or {@code MIZAN_ALERT_WEBHOOK}), the same line posted to it as JSON
 * ({@code {"text": …}}, the shape chat webhooks take). A webhook that cannot be reached is itself logged.
 */
public final class Alerts {

    private final Path log;
    private final String webhook;

    public Alerts(Path log, String webhook) {
        this.log = log;
        this.webhook = webhook == null || webhook.isBlank() ? null : webhook;
    }

    public void raise(String line) {
        String stamped = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS) + " " + line;
        append(stamped);
        if (webhook != null) {
            post(stamped);
        }
    }

    private void post(String text) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(webhook))
                    .timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"text\": " + json(text) + "}", StandardCharsets.UTF_8))
                    .build();
            HttpResponse<Void> response = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(5))
                    .build()
                    .send(request, HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() >= 300) {
                append("webhook " + webhook + " answered HTTP " + response.statusCode() + " to the alert above");
            }
        } catch (IOException | IllegalArgumentException e) {
            append("webhook " + webhook + " could not be reached (" + e.getMessage()
                    + "): the alert above was not posted");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            append("webhook " + webhook + ": interrupted, the alert above was not posted");
        }
    }

    private void append(String line) {
        try {
            Files.createDirectories(log.getParent());
            Files.writeString(
                    log,
                    line + System.lineSeparator(),
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the alert to " + log, e);
        }
    }

    static String json(String s) {
        return "\"" + new String(JsonStringEncoder.getInstance().quoteAsCharArray(s)) + "\"";
    }
}
