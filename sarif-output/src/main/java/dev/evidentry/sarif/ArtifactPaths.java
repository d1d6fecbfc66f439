package dev.evidentry.sarif;

import dev.evidentry.spi.ResourceRef;
import java.nio.charset.StandardCharsets;

/**
 * The relative pseudo-path that stands for a cloud resource in {@code artifactLocation.uri}:
 * {@code cloud/<provider>/<account>/<region or global>/<type path>/<name>}, where the type path is the resource type
 * without its leading provider segment, dots turned into slashes ({@code aws.s3.bucket} becomes {@code s3/bucket}).
 *
 * <p>GitHub code scanning needs a file-like location for every result. The path is relative (no scheme, and the first
 * segment is always {@code cloud}, so it can never be read as a scheme). Every segment keeps only
 * {@code [A-Za-z0-9._-]}; any other UTF-8 byte is percent-encoded, so a name holding {@code /}, {@code :}, spaces or
 * non-ASCII letters cannot add segments or break the URI. Segments {@code .} and {@code ..} are encoded too, so no
 * name can walk up the path. An empty segment becomes {@code _}; a resource without a name uses its native id.
 */
final class ArtifactPaths {

    static final String ROOT = "cloud";
    static final String GLOBAL_REGION = "global";
    static final String EMPTY_SEGMENT = "_";

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private ArtifactPaths() {}

    static String of(ResourceRef resource) {
        StringBuilder path = new StringBuilder(ROOT);
        path.append('/').append(segment(resource.provider()));
        path.append('/').append(segment(resource.account()));
        path.append('/').append(segment(resource.region().isEmpty() ? GLOBAL_REGION : resource.region()));
        for (String typeSegment : typePath(resource).split("\\.", -1)) {
            path.append('/').append(segment(typeSegment));
        }
        path.append('/').append(segment(resource.name().isBlank() ? resource.nativeId() : resource.name()));
        return path.toString();
    }

    /** The type without the leading provider segment, still dotted. */
    private static String typePath(ResourceRef resource) {
        String prefix = resource.provider() + ".";
        String type = resource.type();
        return type.startsWith(prefix) && type.length() > prefix.length() ? type.substring(prefix.length()) : type;
    }

    /** One URL-safe path segment. */
    static String segment(String raw) {
        if (raw.isEmpty()) {
            return EMPTY_SEGMENT;
        }
        if (raw.equals(".") || raw.equals("..")) {
            return raw.replace(".", "%2E");
        }
        StringBuilder out = new StringBuilder(raw.length());
        for (byte b : raw.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if (c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '.' || c == '_' || c == '-') {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0x0F]);
            }
        }
        return out.toString();
    }
}
