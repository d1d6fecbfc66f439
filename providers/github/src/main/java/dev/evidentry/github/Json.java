package dev.evidentry.github;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.evidentry.provider.support.Failures;
import java.io.IOException;

/** Reads GitHub's JSON where github-api has no accessor. */
final class Json {

    static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, true);

    private Json() {}

    /**
     * The body of a successful answer as a JSON tree.
     *
     * @throws GithubCallException MALFORMED_RESPONSE when the body is not JSON
     */
    static JsonNode read(Exchange exchange) {
        try {
            JsonNode node = MAPPER.readTree(exchange.body());
            if (node == null || node.isMissingNode()) {
                throw new IOException("the body is empty");
            }
            return node;
        } catch (IOException e) {
            throw GithubCallException.malformed(exchange.operation(), "the answer is not JSON: "
                    + Failures.firstLine(e.getMessage()), exchange.evidence());
        }
    }
}
