package com.example;

/** The plugin's own copy of a class the scanner also has; compiled into the plugin jar at test time. */
public final class Shared {

    private Shared() {
    }

    public static String origin() {
        return "plugin";
    }
}
