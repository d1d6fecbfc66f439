package dev.evidentry.checks.identity;

import dev.evidentry.spi.Check;
import dev.evidentry.spi.CheckDescriptor;
import dev.evidentry.spi.CheckHelp;
import dev.evidentry.spi.Facts;
import dev.evidentry.spi.Finding;
import dev.evidentry.spi.Severity;
import dev.evidentry.spi.fact.aws.AwsPasswordPolicy;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** The IAM password policy asks for 14+ characters of all four classes, remembers 24 passwords, expires in 90 days. */
public final class PasswordPolicyCheck implements Check {

    public static final String ID = "aws.iam.password-policy";
    static final int MIN_LENGTH = 14;
    static final int REUSE_PREVENTION = 24;
    static final int MAX_AGE_DAYS = 90;

    private static final List<Requirement> REQUIREMENTS = List.of(
            new Requirement(p -> p.minimumLength() >= MIN_LENGTH,
                    p -> "minimum length is " + p.minimumLength() + " (needs " + MIN_LENGTH + ")"),
            new Requirement(AwsPasswordPolicy::requireSymbols, p -> "symbols are not required"),
            new Requirement(AwsPasswordPolicy::requireNumbers, p -> "numbers are not required"),
            new Requirement(AwsPasswordPolicy::requireUppercase, p -> "upper-case letters are not required"),
            new Requirement(AwsPasswordPolicy::requireLowercase, p -> "lower-case letters are not required"),
            new Requirement(p -> p.reusePrevention() >= REUSE_PREVENTION,
                    p -> "reuse prevention remembers " + p.reusePrevention() + " passwords (needs " + REUSE_PREVENTION + ")"),
            new Requirement(p -> p.maxAgeDays() > 0,
                    p -> "passwords never expire (needs " + MAX_AGE_DAYS + " days or fewer)"),
            new Requirement(p -> p.maxAgeDays() <= MAX_AGE_DAYS,
                    p -> "passwords expire after " + p.maxAgeDays() + " days (needs " + MAX_AGE_DAYS + " or fewer)"));

    private final CheckDescriptor descriptor = new CheckDescriptor(ID,
            "IAM password policy requires long, complex, unreused and expiring passwords", Severity.MEDIUM,
            Set.of(AwsPasswordPolicy.KIND), List.of("CC6.1"), CheckHelp.load(PasswordPolicyCheck.class, ID));

    @Override
    public CheckDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public Stream<Finding> evaluate(Facts facts) {
        return facts.all(AwsPasswordPolicy.class).map(this::judge);
    }

    private Finding judge(AwsPasswordPolicy policy) {
        String account = "account " + policy.resource().account();
        if (!policy.present()) {
            return Finding.fail(descriptor, policy, "There is no IAM password policy in " + account + "; set one that"
                    + " requires " + MIN_LENGTH + " characters, symbols, numbers, upper- and lower-case letters, remembers "
                    + REUSE_PREVENTION + " passwords and expires them within " + MAX_AGE_DAYS + " days.");
        }
        List<String> shortfalls = REQUIREMENTS.stream()
                .filter(requirement -> !requirement.holds().test(policy))
                .map(requirement -> requirement.shortfall().apply(policy))
                .toList();
        return shortfalls.isEmpty()
                ? Finding.pass(descriptor, policy, "The IAM password policy of " + account + " requires "
                        + policy.minimumLength() + " characters of all four classes, remembers " + policy.reusePrevention()
                        + " passwords and expires them after " + policy.maxAgeDays() + " days.")
                : Finding.fail(descriptor, policy, "The IAM password policy of " + account + " falls short: "
                        + String.join("; ", shortfalls) + ".");
    }

    private record Requirement(Predicate<AwsPasswordPolicy> holds, Function<AwsPasswordPolicy, String> shortfall) {
    }
}
