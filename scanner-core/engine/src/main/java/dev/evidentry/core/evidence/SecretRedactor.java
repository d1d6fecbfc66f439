package dev.evidentry.core.evidence;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes secrets from text before it is stored, hashed or printed.
 *
 * <p>Two nets: field names that always hold secrets (in XML elements, JSON members and form or query parameters),
 * whatever provider sent them, and the exact values registered as secret for this scan (tokens, keys from the
 * configuration), wherever they appear.
 */
public final class SecretRedactor {

    public static final String REDACTED = "[REDACTED]";

    /** Field names whose values are secrets in any vendor's API: matched case-insensitively, as a whole name. */
    private static final String SECRET_NAME = "(?:[A-Za-z0-9_]*(?i:password|passwd|secret|secretaccesskey|sessiontoken"
            + "|securitytoken|privatekey|private_key|base32stringseed|qrcodepng|apikey|api_key|access_token|accesstoken"
            + "|refresh_token|refreshtoken|id_token|client_secret|clientsecret|authorization|credentials?_?value))";

    private static final Pattern XML_ELEMENT =
            Pattern.compile("<(" + SECRET_NAME + ")(\\s[^>]*)?>([^<]*)</\\1>");
    private static final Pattern JSON_STRING_MEMBER =
            Pattern.compile("(\"" + SECRET_NAME + "\"\\s*:\\s*)\"(?:[^\"\\\\]|\\\\.)*\"");
    /**
     * A form or query parameter. Its value ends at the next parameter, and also at whitespace, a quote, an angle
     * bracket or a fragment, none of which a form-encoded value holds raw: a URL inside a JSON string or an XML element
     * loses its secret, not the rest of the document.
     */
    private static final Pattern FORM_PARAMETER =
            Pattern.compile("(^|[&?])(" + SECRET_NAME + ")=([^&\\s\"'<>#]*)");
    private static final Pattern NAME_ONLY = Pattern.compile(SECRET_NAME);

    /** Values shorter than this are not registered: redacting "a" everywhere would destroy the evidence. */
    private static final int MIN_SECRET_LENGTH = 6;

    private final Set<String> secretValues = ConcurrentHashMap.newKeySet();

    public void registerSecret(String value) {
        if (value != null && value.strip().length() >= MIN_SECRET_LENGTH) {
            secretValues.add(value.strip());
        }
    }

    public void registerSecrets(Collection<String> values) {
        values.forEach(this::registerSecret);
    }

    /** Whether a field of this name holds a secret. */
    public static boolean isSecretName(String name) {
        return NAME_ONLY.matcher(name).matches();
    }

    public String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String result = replaceAll(XML_ELEMENT, text, m -> isFlag(m.group(3)) ? m.group()
                : "<" + m.group(1) + (m.group(2) == null ? "" : m.group(2)) + ">" + REDACTED + "</" + m.group(1) + ">");
        result = replaceAll(JSON_STRING_MEMBER, result, m -> m.group(1) + "\"" + REDACTED + "\"");
        result = replaceAll(FORM_PARAMETER, result,
                m -> isFlag(m.group(3)) ? m.group() : m.group(1) + m.group(2) + "=" + REDACTED);
        return redactValues(result);
    }

    /** Replaces only the registered secret values (for free text such as log lines and messages). */
    public String redactValues(String text) {
        if (text == null || secretValues.isEmpty()) {
            return text;
        }
        String result = text;
        // Longest first, so a secret that contains another is replaced whole.
        List<String> values = secretValues.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();
        for (String value : values) {
            result = result.replace(value, REDACTED);
        }
        return result;
    }

    /** A setting such as {@code AllowUsersToChangePassword=true} names a secret but holds none. */
    private static boolean isFlag(String value) {
        return value.equals("true") || value.equals("false");
    }

    private static String replaceAll(Pattern pattern, String text, java.util.function.Function<Matcher, String> by) {
        Matcher matcher = pattern.matcher(text);
        if (!matcher.find()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        do {
            matcher.appendReplacement(out, Matcher.quoteReplacement(by.apply(matcher)));
        } while (matcher.find());
        matcher.appendTail(out);
        return out.toString();
    }
}
