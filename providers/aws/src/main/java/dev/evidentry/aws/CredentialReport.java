package dev.evidentry.aws;

import static java.util.Objects.requireNonNull;

import dev.evidentry.spi.fact.aws.AwsIamUser.AccessKey;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * IAM's credential report (the CSV GetCredentialReport returns), read by column name so added columns do not matter.
 * {@code N/A}, {@code no_information}, {@code not_supported} and an empty cell all mean "absent".
 */
final class CredentialReport {

    static final String ROOT_USER = "<root_account>";

    private static final Set<String> ABSENT = Set.of("", "N/A", "no_information", "not_supported");
    private static final List<String> REQUIRED = List.of("user", "arn", "user_creation_time", "password_enabled",
            "mfa_active", "access_key_1_active", "access_key_1_last_rotated", "access_key_2_active",
            "access_key_2_last_rotated");

    private CredentialReport() {}

    /**
     * One row of the report.
     *
     * @param passwordLastUsed last console sign-in, or {@code null} when never or unknown
     * @param accessKeys the keys that exist (a slot whose last-rotated date is absent has no key)
     */
    record Row(
            String user,
            String arn,
            Instant createdAt,
            boolean passwordEnabled,
            Instant passwordLastUsed,
            boolean mfaActive,
            List<AccessKey> accessKeys) {

        Row {
            requireNonNull(user, "user is null");
            requireNonNull(arn, "arn is null");
            requireNonNull(createdAt, "createdAt is null");
            accessKeys = List.copyOf(requireNonNull(accessKeys, "accessKeys is null"));
        }

        boolean isRoot() {
            return user.equals(ROOT_USER);
        }
    }

    /**
     * Reads the report's rows, the root account's included when present (moto leaves it out).
     *
     * @throws MalformedResponseException when a column is missing or a cell cannot be read
     */
    static List<Row> parse(String csv) {
        List<List<String>> records = Csv.parse(csv);
        if (records.isEmpty()) {
            throw new MalformedResponseException("the credential report is empty: not even a header line");
        }
        Map<String, Integer> columns = new HashMap<>();
        List<String> header = records.get(0);
        for (int i = 0; i < header.size(); i++) {
            columns.put(header.get(i).strip(), i);
        }
        List<String> missing = REQUIRED.stream().filter(name -> !columns.containsKey(name)).toList();
        if (!missing.isEmpty()) {
            throw new MalformedResponseException("the credential report has no column " + String.join(", ", missing));
        }
        List<Row> rows = new ArrayList<>();
        for (int line = 1; line < records.size(); line++) {
            List<String> record = records.get(line);
            if (record.size() == 1 && record.get(0).isBlank()) {
                continue;
            }
            rows.add(row(new Cells(columns, record, line + 1)));
        }
        return List.copyOf(rows);
    }

    private static Row row(Cells cells) {
        String user = cells.required("user");
        boolean root = user.equals(ROOT_USER);
        List<AccessKey> keys = new ArrayList<>();
        for (int slot = 1; slot <= 2; slot++) {
            Instant rotated = cells.instant("access_key_" + slot + "_last_rotated");
            if (rotated != null) {
                keys.add(new AccessKey(slot, cells.bool("access_key_" + slot + "_active"), rotated,
                        cells.instant("access_key_" + slot + "_last_used_date")));
            }
        }
        Instant created = cells.instant("user_creation_time");
        if (created == null) {
            throw cells.malformed("user_creation_time", "no creation time");
        }
        return new Row(
                user,
                cells.required("arn"),
                created,
                !root && cells.bool("password_enabled"),
                cells.instant("password_last_used"),
                cells.bool("mfa_active"),
                keys);
    }

    /** The cells of one record, by column name. */
    private record Cells(Map<String, Integer> columns, List<String> record, int lineNumber) {

        String value(String column) {
            Integer index = columns.get(column);
            if (index == null || index >= record.size()) {
                return "";
            }
            String value = record.get(index).strip();
            return ABSENT.contains(value) ? "" : value;
        }

        String required(String column) {
            String value = value(column);
            if (value.isEmpty()) {
                throw malformed(column, "empty");
            }
            return value;
        }

        boolean bool(String column) {
            String value = value(column);
            return switch (value) {
                case "true" -> true;
                case "false", "" -> false;
                default -> throw malformed(column, "'" + value + "' is neither true nor false");
            };
        }

        Instant instant(String column) {
            String value = value(column);
            if (value.isEmpty()) {
                return null;
            }
            try {
                return OffsetDateTime.parse(value).toInstant();
            } catch (DateTimeParseException e) {
                throw malformed(column, "'" + value + "' is not an ISO-8601 date and time");
            }
        }

        MalformedResponseException malformed(String column, String problem) {
            return new MalformedResponseException(
                    "credential report line " + lineNumber + ", column " + column + ": " + problem);
        }
    }
}
