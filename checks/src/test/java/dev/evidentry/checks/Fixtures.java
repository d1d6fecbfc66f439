package dev.evidentry.checks;

import dev.evidentry.spi.Check;
import dev.evidentry.spi.EvidenceId;
import dev.evidentry.spi.Fact;
import dev.evidentry.spi.Finding;
import dev.evidentry.spi.ResourceRef;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/** Resources, evidence and a fixed clock for check tests. */
public final class Fixtures {

    public static final String ACCOUNT = "123456789012";
    public static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    public static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private Fixtures() {
    }

    /** Runs {@code check} over {@code facts}, as the engine would, with {@link #CLOCK} as the scan clock. */
    public static List<Finding> evaluate(Check check, Fact... facts) {
        return check.evaluate(ListFacts.of(facts)).toList();
    }

    /** Runs {@code check} over {@code facts}, as the engine would, with {@code clock} as the scan clock. */
    public static List<Finding> evaluate(Check check, Clock clock, Fact... facts) {
        return check.evaluate(ListFacts.at(clock, facts)).toList();
    }

    /** One piece of evidence, named by a single repeated hex digit so tests can tell pieces apart. */
    public static List<EvidenceId> evidence(char hexDigit) {
        return List.of(new EvidenceId(String.valueOf(hexDigit).repeat(64)));
    }

    public static Instant daysAgo(long days) {
        return NOW.minus(Duration.ofDays(days));
    }

    public static ResourceRef iamUser(String name) {
        return ResourceRef.global("aws", ACCOUNT, "aws.iam.user", "arn:aws:iam::" + ACCOUNT + ":user/" + name, name);
    }

    public static ResourceRef rootUser(String account) {
        return ResourceRef.global("aws", account, "aws.iam.root-user", "arn:aws:iam::" + account + ":root", "root");
    }

    public static ResourceRef awsAccount(String account) {
        return ResourceRef.global("aws", account, "aws.account", account, account);
    }

    public static ResourceRef bucket(String name) {
        return bucket(ACCOUNT, name);
    }

    public static ResourceRef bucket(String account, String name) {
        return new ResourceRef("aws", account, "eu-west-1", "aws.s3.bucket", "arn:aws:s3:::" + name, name);
    }

    /** One region of one AWS account, as per-region settings (GuardDuty, AWS Config, EBS defaults) name it. */
    public static ResourceRef awsRegion(String account, String region) {
        return ResourceRef.forRegion("aws", account, region);
    }

    public static ResourceRef securityGroup(String id) {
        return new ResourceRef("aws", ACCOUNT, "eu-west-1", "aws.ec2.security-group",
                "arn:aws:ec2:eu-west-1:" + ACCOUNT + ":security-group/" + id, id);
    }

    public static ResourceRef rdsInstance(String name) {
        return new ResourceRef("aws", ACCOUNT, "eu-west-1", "aws.rds.instance",
                "arn:aws:rds:eu-west-1:" + ACCOUNT + ":db:" + name, name);
    }

    public static ResourceRef kmsKey(String name) {
        return new ResourceRef("aws", ACCOUNT, "eu-west-1", "aws.kms.key",
                "arn:aws:kms:eu-west-1:" + ACCOUNT + ":key/" + name, name);
    }

    /** A CloudTrail trail, named by its home region. */
    public static ResourceRef trail(String account, String region, String name) {
        return new ResourceRef("aws", account, region, "aws.cloudtrail.trail",
                "arn:aws:cloudtrail:" + region + ":" + account + ":trail/" + name, name);
    }
}
