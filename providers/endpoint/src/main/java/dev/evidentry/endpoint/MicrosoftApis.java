package dev.evidentry.endpoint;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evidentry.provider.support.CallException;
import dev.evidentry.spi.EvidenceId;
import dev.evidentry.spi.IssueCause;
import java.net.URI;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * What Microsoft Graph and the Defender for Endpoint API share: OData collections ({@code value}, paged by
 * {@code @odata.nextLink}), {@code Retry-After} on 429 and 503, and errors as {@code {"error": {"code", "message"}}}.
 */
final class MicrosoftApis {

    private MicrosoftApis() {}

    /** The dialect of one of them; the token comes from MSAL, so the token fields are unused. */
    static BearerApi.Dialect dialect(String service) {
        return new BearerApi.Dialect(service, MicrosoftTokens.OPERATION, "", true, MicrosoftApis::retryAfter,
                MicrosoftApis::errorWords);
    }

    /** {@code Retry-After} in seconds, as Graph sends it, or as an HTTP date. */
    static Optional<Duration> retryAfter(java.net.http.HttpResponse<String> response, java.time.Instant now) {
        return response.headers().firstValue("Retry-After").map(String::strip).flatMap(value -> {
            try {
                return Optional.of(Duration.ofSeconds(Long.parseLong(value)));
            } catch (NumberFormatException e) {
                try {
                    return Optional.of(Duration.between(now, ZonedDateTime.parse(value,
                            DateTimeFormatter.RFC_1123_DATE_TIME).toInstant()));
                } catch (DateTimeParseException notADate) {
                    return Optional.empty();
                }
            }
        });
    }

    private static String errorWords(JsonNode body) {
        JsonNode error = body.path("error");
        if (error.isTextual()) {
            // Entra's OAuth errors: "error" and "error_description"
            return (error.asText() + " " + body.path("error_description").asText("")).strip();
        }
        return (error.path("code").asText("") + " " + error.path("message").asText("")).strip();
    }

    /**
     * Reads a collection page by page: the first by {@code path} and {@code parameters}, the next ones by the
     * {@code @odata.nextLink} each page gives, until a page gives none. Every item goes to {@code item} with the
     * evidence of its page as it is read, so that a failing page keeps what came before it.
     */
    static void readAll(BearerApi api, String operation, String path, List<Map.Entry<String, String>> parameters,
            BiConsumer<JsonNode, EvidenceId> item) {
        BearerApi.Response page = api.get(operation, path, parameters);
        Set<String> followed = new HashSet<>();
        while (true) {
            JsonNode value = page.body().path("value");
            if (!value.isArray()) {
                throw new CallException(operation, IssueCause.MALFORMED_RESPONSE, "the answer has no value array "
                        + "(evidence " + page.evidence() + ")", null, null);
            }
            for (JsonNode entry : value) {
                item.accept(entry, page.evidence());
            }
            JsonNode next = page.body().path("@odata.nextLink");
            if (next.isMissingNode() || next.isNull()) {
                return;
            }
            if (!next.isTextual() || !followed.add(next.asText())) {
                throw new CallException(operation, IssueCause.MALFORMED_RESPONSE, "the @odata.nextLink is not a "
                        + "new link (evidence " + page.evidence() + ")", null, null);
            }
            URI link;
            try {
                link = URI.create(next.asText());
            } catch (IllegalArgumentException e) {
                throw new CallException(operation, IssueCause.MALFORMED_RESPONSE, "the @odata.nextLink is not a URL "
                        + "(evidence " + page.evidence() + ")", null, null);
            }
            page = api.getLink(operation, link);
        }
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isValueNode() && !value.isNull() ? value.asText("").strip() : "";
    }

    /** A boolean the API reports, or empty when it is missing or null. */
    static Optional<Boolean> flag(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isBoolean() ? Optional.of(value.asBoolean()) : Optional.empty();
    }

    /** An ISO-8601 time with an offset (Graph's DateTimeOffset, with up to seven fractional digits), or null. */
    static java.time.Instant instant(String text) {
        if (text.isEmpty()) {
            return null;
        }
        try {
            return java.time.OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
