package dev.evidentry.spi;

import static java.util.Objects.requireNonNull;

/**
 * One criterion of the AICPA's SOC 2 Trust Services Criteria (2017, points of focus revised 2022).
 *
 * @param id the criterion's number, such as {@code CC6.1} or {@code A1.2}
 * @param category the category it belongs to: {@code Common Criteria} (the security category), {@code Availability},
 *     {@code Confidentiality}, {@code Processing Integrity} or {@code Privacy}
 * @param title a short paraphrase of what the criterion asks, for catalogues and reports
 */
public record TrustServicesCriterion(String id, String category, String title) {

    public TrustServicesCriterion {
        requireNonNull(id, "id is null");
        requireNonNull(category, "category is null");
        requireNonNull(title, "title is null");
        if (id.isBlank() || category.isBlank() || title.isBlank()) {
            throw new IllegalArgumentException("id, category and title must all be written");
        }
    }
}
