package com.example;

/**
 * The scanner's copy of a class that the external test plugin also carries (see
 * {@code src/test/resources/external-plugin}); the plugin must see its own copy, never this one.
 */
public final class Shared {

    private Shared() {
    }

    public static String origin() {
        return "app";
    }
}
