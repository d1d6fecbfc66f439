package dev.evidentry.okta;

import java.util.Objects;

/** Reading the SDK's generated enums: their wire value, or empty for none or one the SDK did not know. */
final class SdkValues {

    private static final String UNKNOWN = "unknown_default_open_api";

    private SdkValues() {}

    static String value(Object value) {
        if (value == null) {
            return "";
        }
        String text = Objects.toString(value);
        return text.equals(UNKNOWN) ? "" : text;
    }
}
