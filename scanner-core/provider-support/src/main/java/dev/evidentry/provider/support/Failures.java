package dev.evidentry.provider.support;

/** Reading a thrown failure, and putting it in few words, the way every provider's failure classifier does. */
public final class Failures {

    /** The most characters of vendor words an issue quotes. */
    public static final int MAX_DETAIL = 500;

    private Failures() {}

    /** The first throwable of {@code type} in the chain of causes, or {@code null}; a cause that is itself ends it. */
    public static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }

    /** Whether {@code type} is anywhere in the chain of causes. */
    public static boolean hasCause(Throwable failure, Class<? extends Throwable> type) {
        return find(failure, type) != null;
    }

    /** The last cause in the chain. */
    public static Throwable rootCause(Throwable thrown) {
        Throwable root = thrown;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

    /** The first line, stripped; empty for {@code null}. */
    public static String firstLine(String text) {
        if (text == null) {
            return "";
        }
        int newline = text.indexOf('\n');
        return (newline < 0 ? text : text.substring(0, newline)).strip();
    }

    /** At most {@link #MAX_DETAIL} characters, an ellipsis ending what was cut. */
    public static String shorten(String text) {
        return text.length() <= MAX_DETAIL ? text : text.substring(0, MAX_DETAIL - 3) + "...";
    }
}
