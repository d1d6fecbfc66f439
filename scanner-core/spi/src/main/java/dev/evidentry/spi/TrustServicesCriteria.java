package dev.evidentry.spi;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The catalogue of SOC 2 Trust Services Criteria (2017 criteria, points of focus revised 2022), in the order the
 * AICPA lists them. The titles are Evidentry's own short paraphrases, not the AICPA's wording.
 */
public final class TrustServicesCriteria {

    public static final String COMMON_CRITERIA = "Common Criteria";
    public static final String AVAILABILITY = "Availability";
    public static final String CONFIDENTIALITY = "Confidentiality";
    public static final String PROCESSING_INTEGRITY = "Processing Integrity";
    public static final String PRIVACY = "Privacy";

    private static final List<TrustServicesCriterion> ALL = List.of(
            // CC1 Control environment
            cc("CC1.1", "Commitment to integrity and ethical values"),
            cc("CC1.2", "Board independence and oversight of internal control"),
            cc("CC1.3", "Structures, reporting lines, authorities and responsibilities"),
            cc("CC1.4", "Attracting, developing and retaining competent people"),
            cc("CC1.5", "Holding people accountable for internal control duties"),
            // CC2 Communication and information
            cc("CC2.1", "Relevant, quality information to support internal control"),
            cc("CC2.2", "Internal communication of control objectives and responsibilities"),
            cc("CC2.3", "Communication with external parties about internal control"),
            // CC3 Risk assessment
            cc("CC3.1", "Objectives specified clearly enough to identify risks"),
            cc("CC3.2", "Identification and analysis of risks to objectives"),
            cc("CC3.3", "Consideration of fraud risk"),
            cc("CC3.4", "Identification and assessment of significant changes"),
            // CC4 Monitoring activities
            cc("CC4.1", "Ongoing and separate evaluations of controls"),
            cc("CC4.2", "Evaluation and timely communication of control deficiencies"),
            // CC5 Control activities
            cc("CC5.1", "Control activities that reduce risks to acceptable levels"),
            cc("CC5.2", "General controls over technology"),
            cc("CC5.3", "Control activities deployed through policies and procedures"),
            // CC6 Logical and physical access controls
            cc("CC6.1", "Logical access security software, infrastructure and architectures"),
            cc("CC6.2", "Registering and authorising users before issuing credentials"),
            cc("CC6.3", "Granting, changing and removing access by role and least privilege"),
            cc("CC6.4", "Restricting physical access to facilities and assets"),
            cc("CC6.5", "Removing protections only after data is unrecoverable on disposed assets"),
            cc("CC6.6", "Protection against threats from outside the system boundary"),
            cc("CC6.7", "Restricting and protecting the transmission and movement of data"),
            cc("CC6.8", "Preventing or detecting unauthorised or malicious software"),
            // CC7 System operations
            cc("CC7.1", "Detecting configuration changes and new vulnerabilities"),
            cc("CC7.2", "Monitoring system components for anomalies and attacks"),
            cc("CC7.3", "Evaluating security events to decide whether they are incidents"),
            cc("CC7.4", "Responding to security incidents"),
            cc("CC7.5", "Recovering from security incidents"),
            // CC8 Change management
            cc("CC8.1", "Authorising, testing and approving changes before they are made"),
            // CC9 Risk mitigation
            cc("CC9.1", "Mitigating risks of business disruption"),
            cc("CC9.2", "Managing risks from vendors and business partners"),
            // Availability
            criterion("A1.1", AVAILABILITY, "Capacity planning and management"),
            criterion("A1.2", AVAILABILITY, "Environmental protection, backup and recovery infrastructure"),
            criterion("A1.3", AVAILABILITY, "Testing of recovery plans"),
            // Confidentiality
            criterion("C1.1", CONFIDENTIALITY, "Identifying and protecting confidential information"),
            criterion("C1.2", CONFIDENTIALITY, "Disposing of confidential information"),
            // Processing integrity
            criterion("PI1.1", PROCESSING_INTEGRITY, "Information about processing objectives and data definitions"),
            criterion("PI1.2", PROCESSING_INTEGRITY, "Complete and accurate system inputs"),
            criterion("PI1.3", PROCESSING_INTEGRITY, "Complete, accurate and timely processing"),
            criterion("PI1.4", PROCESSING_INTEGRITY, "Complete, accurate and timely outputs to the right recipients"),
            criterion("PI1.5", PROCESSING_INTEGRITY, "Complete and accurate storage of inputs, work in progress and outputs"),
            // Privacy
            criterion("P1.1", PRIVACY, "Notice to data subjects about privacy practices"),
            criterion("P2.1", PRIVACY, "Choices and consent about personal information"),
            criterion("P3.1", PRIVACY, "Collecting personal information only for stated objectives"),
            criterion("P3.2", PRIVACY, "Explicit consent where collection requires it"),
            criterion("P4.1", PRIVACY, "Using personal information only for stated objectives"),
            criterion("P4.2", PRIVACY, "Retaining personal information"),
            criterion("P4.3", PRIVACY, "Securely disposing of personal information"),
            criterion("P5.1", PRIVACY, "Giving data subjects access to their personal information"),
            criterion("P5.2", PRIVACY, "Correcting personal information on request"),
            criterion("P6.1", PRIVACY, "Disclosing personal information to third parties only with consent"),
            criterion("P6.2", PRIVACY, "Recording authorised disclosures"),
            criterion("P6.3", PRIVACY, "Recording unauthorised disclosures, including breaches"),
            criterion("P6.4", PRIVACY, "Privacy commitments from vendors and third parties"),
            criterion("P6.5", PRIVACY, "Vendors reporting unauthorised disclosures"),
            criterion("P6.6", PRIVACY, "Notifying affected parties of breaches and incidents"),
            criterion("P6.7", PRIVACY, "Accounting to data subjects for information held and disclosed"),
            criterion("P7.1", PRIVACY, "Keeping personal information accurate, complete and relevant"),
            criterion("P8.1", PRIVACY, "Handling privacy inquiries, complaints and disputes"));

    private static final Map<String, TrustServicesCriterion> BY_ID;

    static {
        Map<String, TrustServicesCriterion> byId = new LinkedHashMap<>();
        for (TrustServicesCriterion criterion : ALL) {
            if (byId.put(criterion.id(), criterion) != null) {
                throw new IllegalStateException("duplicate criterion " + criterion.id());
            }
        }
        BY_ID = Map.copyOf(byId);
    }

    private TrustServicesCriteria() {}

    /** Every criterion, in the AICPA's order (CC1.1 first, P8.1 last). */
    public static List<TrustServicesCriterion> all() {
        return ALL;
    }

    /** The criterion with this id, such as {@code CC6.1}; case-sensitive. */
    public static Optional<TrustServicesCriterion> find(String id) {
        return Optional.ofNullable(BY_ID.get(requireNonNull(id, "id is null")));
    }

    private static TrustServicesCriterion cc(String id, String title) {
        return criterion(id, COMMON_CRITERIA, title);
    }

    private static TrustServicesCriterion criterion(String id, String category, String title) {
        return new TrustServicesCriterion(id, category, title);
    }
}
