package dev.evidentry.checks.endpoint;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * When each operating system release stops receiving security updates: the rows of {@code os-support.csv} beside this
 * class, plus or replaced by the rows of the file the system property {@value #TABLE_PROPERTY} names.
 */
final class OsSupportTable {

    static final String TABLE_PROPERTY = "evidentry.endpoint.osSupportTable";
    private static final String BUILT_IN = "os-support.csv";
    private static final Pattern VERSION = Pattern.compile("\\d+(\\.\\d+)*");

    /**
     * One release: {@code endOfSupport} is {@code null} while no end is announced; {@code editions} are the name's
     * words that select the row (empty: every edition).
     */
    record Release(String product, List<Integer> version, List<String> editions, LocalDate endOfSupport,
            String source) {
        Release {
            requireNonNull(product, "product is null");
            version = List.copyOf(version);
            editions = List.copyOf(editions);
            requireNonNull(source, "source is null");
        }

        String versionText() {
            return String.join(".", version.stream().map(String::valueOf).toList());
        }
    }

    /** How a device's release stands on a day. */
    enum Status { SUPPORTED, ENDED, UNKNOWN }

    /** The status and the words that say why, such as "whose security updates ended on 2025-10-14". */
    record Judgement(Status status, String reason) {
    }

    private static final Comparator<List<Integer>> NUMERIC = (left, right) -> {
        for (int i = 0; i < Math.min(left.size(), right.size()); i++) {
            int order = Integer.compare(left.get(i), right.get(i));
            if (order != 0) {
                return order;
            }
        }
        return Integer.compare(left.size(), right.size());
    };

    private final List<Release> releases;

    OsSupportTable(List<Release> releases) {
        this.releases = List.copyOf(releases);
    }

    /** The built-in table, with the rows of {@value #TABLE_PROPERTY}'s file when the property is set. */
    static OsSupportTable load() {
        Map<String, Release> rows = new LinkedHashMap<>();
        try (InputStream builtIn = OsSupportTable.class.getResourceAsStream(BUILT_IN)) {
            if (builtIn == null) {
                throw new IllegalStateException(BUILT_IN + " is missing from the checks jar");
            }
            parse(BUILT_IN, new String(builtIn.readAllBytes(), StandardCharsets.UTF_8))
                    .forEach(row -> rows.put(key(row), row));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String extra = System.getProperty(TABLE_PROPERTY, "").strip();
        if (!extra.isEmpty()) {
            Path file = Path.of(extra);
            String text;
            try {
                text = Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new IllegalArgumentException(TABLE_PROPERTY + " names " + file + ", which cannot be read: " + e);
            }
            parse(file.toString(), text).forEach(row -> rows.put(key(row), row));
        }
        return new OsSupportTable(List.copyOf(rows.values()));
    }

    private static String key(Release row) {
        return row.product() + "," + row.versionText() + ","
                + String.join("|", row.editions()).toLowerCase(Locale.ROOT);
    }

    /** Rows of a table: {@code product,version,editions,end,source}; {@code #} starts a comment line. */
    static List<Release> parse(String file, String text) {
        List<Release> rows = new ArrayList<>();
        String[] lines = text.split("\r?\n");
        for (int number = 1; number <= lines.length; number++) {
            String line = lines[number - 1].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String where = file + " line " + number + ": ";
            String[] columns = line.split(",", 5);
            if (columns.length < 4) {
                throw new IllegalArgumentException(where + "expected product,version,editions,end date,source but "
                        + "found \"" + line + "\"");
            }
            String product = columns[0].strip().toLowerCase(Locale.ROOT);
            String version = columns[1].strip();
            if (product.isEmpty() || !VERSION.matcher(version).matches()) {
                throw new IllegalArgumentException(where + "the product must be named and the version be dotted "
                        + "numbers such as 14 or 22.04: \"" + line + "\"");
            }
            LocalDate end = null;
            if (!columns[3].isBlank()) {
                try {
                    end = LocalDate.parse(columns[3].strip());
                } catch (DateTimeParseException e) {
                    throw new IllegalArgumentException(where + "the end date must be an ISO date such as 2025-10-14 or "
                            + "empty: \"" + columns[3].strip() + "\"");
                }
            }
            List<String> editions = Arrays.stream(columns[2].split("\\|")).map(String::strip)
                    .filter(edition -> !edition.isEmpty()).toList();
            List<Integer> numbers = Arrays.stream(version.split("\\.")).map(Integer::valueOf).toList();
            rows.add(new Release(product, numbers, editions, end, columns.length > 4 ? columns[4].strip() : ""));
        }
        return rows;
    }

    /** How {@code release} stands on {@code today}. */
    Judgement judge(OsRelease release, LocalDate today) {
        List<Release> ofProduct = releases.stream().filter(row -> row.product().equals(release.product())).toList();
        if (ofProduct.isEmpty()) {
            return new Judgement(Status.UNKNOWN, "the support table has no dates for " + release.product()
                    + "; add its releases with " + TABLE_PROPERTY);
        }
        Optional<List<Integer>> matchedVersion = ofProduct.stream().map(Release::version)
                .filter(version -> isPrefix(version, release.version())).max(Comparator.comparingInt(List::size));
        if (matchedVersion.isEmpty()) {
            return outsideTheTable(release, ofProduct, today);
        }
        List<Release> candidates = ofProduct.stream().filter(row -> row.version().equals(matchedVersion.get()))
                .toList();
        Release row = byEdition(candidates, release.name());
        String editionNote = row == null
                ? "; its edition is not reported, so the edition whose updates end first counts" : "";
        if (row == null) {
            row = candidates.stream().min(Comparator.comparing(Release::endOfSupport,
                    Comparator.nullsLast(Comparator.naturalOrder()))).orElseThrow();
        }
        String cited = row.source().isEmpty() ? "" : " (source: " + row.source() + ")";
        if (row.endOfSupport() == null) {
            return new Judgement(Status.SUPPORTED, "which still receives security updates" + editionNote + cited);
        }
        if (!today.isAfter(row.endOfSupport())) {
            return new Judgement(Status.SUPPORTED, "which receives security updates until " + row.endOfSupport()
                    + editionNote + cited);
        }
        return new Judgement(Status.ENDED, "whose security updates ended on " + row.endOfSupport() + editionNote
                + cited);
    }

    /** A release no row names: newer than all of them is supported; older than an ended one has ended too. */
    private static Judgement outsideTheTable(OsRelease release, List<Release> ofProduct, LocalDate today) {
        Release newest = ofProduct.stream().max(Comparator.comparing(Release::version, NUMERIC)).orElseThrow();
        Release oldest = ofProduct.stream().min(Comparator.comparing(Release::version, NUMERIC)).orElseThrow();
        if (NUMERIC.compare(release.version(), newest.version()) > 0) {
            return new Judgement(Status.SUPPORTED, "newer than every " + release.product() + " release in the "
                    + "support table (the newest it knows is " + newest.versionText() + ")");
        }
        boolean oldestEnded = ofProduct.stream().filter(row -> row.version().equals(oldest.version()))
                .allMatch(row -> row.endOfSupport() != null && today.isAfter(row.endOfSupport()));
        if (NUMERIC.compare(release.version(), oldest.version()) < 0 && oldestEnded) {
            return new Judgement(Status.ENDED, "older than " + release.product() + " " + oldest.versionText()
                    + ", whose security updates ended on " + oldest.endOfSupport());
        }
        return new Judgement(Status.UNKNOWN, release.describe() + " is not in the support table; add it with "
                + TABLE_PROPERTY);
    }

    /** The row whose edition words the name carries, the longest words winning; null when none does. */
    private static Release byEdition(List<Release> candidates, String name) {
        Release best = null;
        int bestLength = -1;
        for (Release row : candidates) {
            int length = row.editions().isEmpty() ? 0 : row.editions().stream()
                    .filter(edition -> containsWords(name, edition)).mapToInt(String::length).max().orElse(-1);
            if (length > bestLength) {
                best = row;
                bestLength = length;
            }
        }
        return best;
    }

    private static boolean containsWords(String name, String words) {
        return Pattern.compile("(?i)(^|\\W)" + Pattern.quote(words) + "($|\\W)").matcher(name).find();
    }

    private static boolean isPrefix(List<Integer> prefix, List<Integer> version) {
        return prefix.size() <= version.size() && version.subList(0, prefix.size()).equals(prefix);
    }
}
