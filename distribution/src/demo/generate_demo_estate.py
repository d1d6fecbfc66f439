#!/usr/bin/env python3
"""Writes the demo estate: WireMock stubs that answer the AWS SDK like a small, imperfect AWS account would, and (in
demo_github.py and demo_okta.py) github-api like a small GitHub organisation and the Okta SDK like a small Okta org.

The response bodies follow the shapes of AWS's documented API answers (IAM, STS, EC2 and RDS query-protocol XML, S3
and S3 Control REST XML, KMS, DynamoDB, CloudTrail, Config and SSM JSON, GuardDuty REST JSON), as the AWS provider's
own WireMock fixtures do (providers/aws/src/test/resources/aws, whose README names the documented example each
follows). Regional calls are told apart by the region in the request's SigV4 credential scope. Dates are WireMock
templates relative to the time of the demo, so credential ages stay what the estate says they are. Run it after
changing an estate; it rewrites src/main/resources/demo-estate/{aws,github,okta}/mappings, and (demo_endpoint.py) the
device fleet's osquery result log template in demo-estate/endpoint.
"""
import os

import demo_common
import demo_endpoint
import demo_github
import demo_okta
from demo_common import json_body

ACCOUNT = "111122223333"
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "main", "resources", "demo-estate")
IAM_NS = "https://iam.amazonaws.com/doc/2010-05-08/"
S3_NS = "http://s3.amazonaws.com/doc/2006-03-01/"


# --- the estate: IAM and S3 (global) --------------------------------------------------------------------------------
# user, console password, password last used (days ago or None), MFA, access keys [(active, rotated, used)]
USERS = [
    ("alice", True, 1, "virtual", [(True, 20, 1)]),
    ("bob", True, 120, None, []),
    ("carol", True, 3, "hardware", []),
    ("ci-deploy", False, None, None, [(True, 200, 2), (True, 10, 1)]),
]
# name, region, encryption (None | "AES256" | kms key id), public access block, public ACL, versioning, log target
BUCKETS = [
    ("acme-prod-data", "us-east-1", "arn:aws:kms:us-east-1:%s:key/1234abcd-12ab-34cd-56ef-1234567890ab" % ACCOUNT,
     True, False, "Enabled", "acme-logs"),
    ("acme-logs", "us-east-1", "AES256", True, False, "Enabled", None),
    ("acme-public-assets", "eu-west-1", "AES256", False, True, None, None),
    ("acme-legacy-archive", "eu-west-1", "AES256", True, False, "Suspended", "DENIED"),
]


# --- the estate: every region in scope (DescribeRegions answers these two) ------------------------------------------
REGIONS = ("us-east-1", "eu-west-1")
# region: EBS encryption by default, GuardDuty detector (id, status) or None, Config recorder recording (None: none)
REGION_SETTINGS = {
    "us-east-1": (True, ("12abc34d567e8fa901bc2d34e56789f0", "ENABLED"), True),
    "eu-west-1": (False, None, False),
}
# KMS key name, region, key id, KeyManager, KeySpec, automatic rotation (asked only of symmetric customer keys)
KEYS = [
    ("prod-data", "us-east-1", "1234abcd-12ab-34cd-56ef-1234567890ab", "CUSTOMER", "SYMMETRIC_DEFAULT", True),
    ("aws/ebs", "us-east-1", "0987dcba-09fe-87dc-65ba-ab0987654321", "AWS", "SYMMETRIC_DEFAULT", True),
    ("release-signing", "us-east-1", "5e6f7a8b-9c0d-4e1f-a2b3-c4d5e6f7a8b9", "CUSTOMER", "RSA_2048", None),
    ("eu-data", "eu-west-1", "bcdef012-3456-4789-abcd-ef0123456789", "CUSTOMER", "SYMMETRIC_DEFAULT", False),
]
# EC2 instance id, region, private IP, state, SSM: None (not managed) or (platform, installed applications)
INSTANCES = [
    ("i-0a1b2c3d4e5f60010", "us-east-1", "10.0.1.10", "running",
     ("Amazon Linux 2023", ["amazon-ssm-agent", "openssl", "falcon-sensor"])),
    ("i-0a1b2c3d4e5f60020", "us-east-1", "10.0.1.20", "running",
     ("Windows Server 2022", ["Amazon SSM Agent", "AWS Tools for Windows"])),
    ("i-0b1c2d3e4f5a60030", "eu-west-1", "10.1.1.30", "running", None),
]
# Patch Manager's last operation per managed machine: days before the demo, Install or Scan (absent: never patched
# through Patch Manager)
PATCH_STATES = {
    "i-0a1b2c3d4e5f60010": (5, "Install"),
    "i-0a1b2c3d4e5f60020": (50, "Install"),
    "mi-0123456789abcdef0": (1, "Scan"),
}
# machines outside EC2 that SSM manages: id, region, computer name, IP, platform, installed applications
ON_PREMISES = [
    ("mi-0123456789abcdef0", "us-east-1", "build-01.corp.example.com", "192.168.10.21", "Ubuntu 24.04",
     ["clamav", "clamav-daemon", "git"]),
]
# EBS volume id, region, size (GiB), attached to, KMS key name (None: unencrypted)
VOLUMES = [
    ("vol-0a1b2c3d4e5f60001", "us-east-1", 20, "i-0a1b2c3d4e5f60010", "prod-data"),
    ("vol-0a1b2c3d4e5f60002", "us-east-1", 30, "i-0a1b2c3d4e5f60020", "aws/ebs"),
    ("vol-0b1c2d3e4f5a60003", "eu-west-1", 8, "i-0b1c2d3e4f5a60030", None),
]
# security group id, region, name, ingress rules [(protocol, from port, to port, sources)]
SECURITY_GROUPS = [
    ("sg-0a1b2c3d4e5f60101", "us-east-1", "bastion", [("tcp", 22, 22, ["0.0.0.0/0"])]),
    ("sg-0a1b2c3d4e5f60102", "us-east-1", "web",
     [("tcp", 443, 443, ["0.0.0.0/0", "::/0"]), ("tcp", 22, 22, ["10.0.0.0/16"])]),
    ("sg-0b1c2d3e4f5a60201", "eu-west-1", "windows-admin", [("tcp", 3389, 3389, ["203.0.113.0/24", "::/0"])]),
    ("sg-0b1c2d3e4f5a60202", "eu-west-1", "debug-anything", [("-1", None, None, ["0.0.0.0/0"])]),
]
# RDS instance, region, engine, publicly accessible, backup retention (days), KMS key name (None: unencrypted)
DATABASES = [
    ("orders-db", "us-east-1", "postgres", False, 7, "prod-data"),
    ("legacy-reports", "eu-west-1", "mysql", True, 0, None),
]
# DynamoDB table, region, KMS key name (None: the AWS owned key)
TABLES = [
    ("sessions", "us-east-1", None),
    ("payments", "us-east-1", "prod-data"),
]
# CloudTrail trail, home region, multi-region, logging, log file validation, KMS key name (None: SSE-S3)
TRAILS = [
    ("management-events", "us-east-1", True, True, True, "prod-data"),
    ("eu-audit", "eu-west-1", False, False, False, None),
]


def ago(days):
    """A WireMock template for the instant `days` days before the demo runs, in AWS's ISO-8601 form."""
    return "{{now offset='-%d days' format=\"yyyy-MM-dd'T'HH:mm:ss'Z'\"}}" % days


def hours_ago(hours):
    """Like ago(), in hours."""
    return "{{now offset='-%d hours' format=\"yyyy-MM-dd'T'HH:mm:ss'Z'\"}}" % hours


def epoch_ago(days):
    """The same instant as ago(), as the epoch seconds AWS's JSON protocols send (a JSON number); negative days are
    in the future."""
    return "{{now offset='%d days' format='unix'}}" % -days


def signed_for(region):
    """Matches a request signed for `region`: its SigV4 credential scope names it."""
    return {"Authorization": {"contains": "/%s/" % region}}


def query_action(name, action, body, extra_body=None, status=200, region=None):
    """An IAM, STS, EC2 or RDS call: POST / with a form body naming the action; regional ones signed for a region."""
    patterns = [{"contains": "Action=" + action + "&"}]
    for fragment in extra_body or []:
        patterns.append({"contains": fragment})
    request = {"method": "POST", "urlPath": "/", "bodyPatterns": patterns}
    if region:
        request["headers"] = signed_for(region)
    return name, {
        "request": request,
        "response": {"status": status, "headers": {"Content-Type": "text/xml"}, "body": body,
                     "transformers": ["response-template"]},
    }


def json_call(name, target, region, answer, key=None, protocol="1.1"):
    """A KMS, DynamoDB, CloudTrail, Config or SSM call: POST / naming its operation in X-Amz-Target, signed for
    `region`; `key` ({member: value}) tells calls about different resources apart by their JSON request body."""
    headers = {"X-Amz-Target": {"equalTo": target}}
    headers.update(signed_for(region))
    request = {"method": "POST", "urlPath": "/", "headers": headers}
    if key:
        request["bodyPatterns"] = [{"matchesJsonPath": {"expression": "$." + member, "equalTo": value}}
                                   for member, value in key.items()]
    return name, {
        "request": request,
        "response": {"status": 200, "headers": {"Content-Type": "application/x-amz-json-" + protocol},
                     "body": json_body(answer), "transformers": ["response-template"]},
    }


def rest_json_get(name, path, region, answer):
    """A GuardDuty call: REST JSON, GET on a path, signed for `region`."""
    return name, {
        "request": {"method": "GET", "urlPath": path, "headers": signed_for(region)},
        "response": {"status": 200, "headers": {"Content-Type": "application/json"}, "body": json_body(answer),
                     "transformers": ["response-template"]},
    }


def s3_get(name, path, subresource, body, status=200, priority=5):
    """An S3 or S3 Control REST call: GET on a path, told apart by its sub-resource query parameter."""
    request = {"method": "GET", "urlPath": path}
    if subresource:
        request["queryParameters"] = {subresource: {"matches": ".*"}}
    return name, {
        "priority": priority,
        "request": request,
        "response": {"status": status, "headers": {"Content-Type": "application/xml"}, "body": body,
                     "transformers": ["response-template"]},
    }


def iam_response(action, result):
    return ('<%sResponse xmlns="%s"><%sResult>%s</%sResult><ResponseMetadata><RequestId>'
            '7a62c49f-347e-4fc4-9331-6e8eEXAMPLE</RequestId></ResponseMetadata></%sResponse>'
            % (action, IAM_NS, action, result, action, action))


def s3_error(code, message, status):
    return ('<?xml version="1.0" encoding="UTF-8"?><Error><Code>%s</Code><Message>%s</Message>'
            '<RequestId>4442587FB7D0A2F9</RequestId><HostId>demo-host-id</HostId></Error>' % (code, message)), status


def credential_report():
    header = ("user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,"
              "password_next_rotation,mfa_active,access_key_1_active,access_key_1_last_rotated,"
              "access_key_1_last_used_date,access_key_1_last_used_region,access_key_1_last_used_service,"
              "access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date,"
              "access_key_2_last_used_region,access_key_2_last_used_service,cert_1_active,cert_1_last_rotated,"
              "cert_2_active,cert_2_last_rotated")
    rows = [header,
            "<root_account>,arn:aws:iam::%s:root,%s,not_supported,%s,not_supported,not_supported,true,false,N/A,"
            "N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A" % (ACCOUNT, ago(900), ago(60))]
    for name, console, last_login, mfa, keys in USERS:
        cells = [name, "arn:aws:iam::%s:user/%s" % (ACCOUNT, name), ago(400),
                 "true" if console else "false",
                 (ago(last_login) if last_login is not None else "no_information") if console else "N/A",
                 ago(300) if console else "N/A", "N/A", "true" if mfa else "false"]
        for slot in range(2):
            if slot < len(keys):
                active, rotated, used = keys[slot]
                cells += ["true" if active else "false", ago(rotated), ago(used), "us-east-1", "s3"]
            else:
                cells += ["false", "N/A", "N/A", "N/A", "N/A"]
        cells += ["false", "N/A", "false", "N/A"]
        rows.append(",".join(cells))
    return "\n".join(rows) + "\n"


def stubs():
    yield query_action("sts-get-caller-identity", "GetCallerIdentity",
                       '<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">'
                       '<GetCallerIdentityResult><Arn>arn:aws:iam::%s:user/evidentry-auditor</Arn>'
                       '<UserId>AIDACKCEVSQ6C2EXAMPLE</UserId><Account>%s</Account></GetCallerIdentityResult>'
                       '<ResponseMetadata><RequestId>01234567-89ab-cdef-0123-456789abcdef</RequestId>'
                       '</ResponseMetadata></GetCallerIdentityResponse>' % (ACCOUNT, ACCOUNT))
    regions = "".join('<item><regionName>%s</regionName><regionEndpoint>ec2.%s.amazonaws.com</regionEndpoint>'
                      '<optInStatus>opt-in-not-required</optInStatus></item>' % (r, r)
                      for r in sorted(REGIONS))
    yield query_action("ec2-describe-regions", "DescribeRegions",
                       '<DescribeRegionsResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"><requestId>'
                       '59dbff89-35bd-4eac-99ed-be587EXAMPLE</requestId><regionInfo>%s</regionInfo>'
                       '</DescribeRegionsResponse>' % regions)
    yield query_action("iam-generate-credential-report", "GenerateCredentialReport",
                       iam_response("GenerateCredentialReport", "<State>COMPLETE</State>"))
    yield query_action("iam-get-credential-report", "GetCredentialReport",
                       iam_response("GetCredentialReport", "<Content>{{#base64}}%s{{/base64}}</Content>"
                                    "<ReportFormat>text/csv</ReportFormat><GeneratedTime>%s</GeneratedTime>"
                                    % (credential_report(), ago(0))))
    summary = {"AccountMFAEnabled": 1, "AccountAccessKeysPresent": 0, "Users": len(USERS), "MFADevices": 2,
               "MFADevicesInUse": 2, "Policies": 12, "Groups": 3, "Roles": 9}
    yield query_action("iam-get-account-summary", "GetAccountSummary",
                       iam_response("GetAccountSummary", "<SummaryMap>%s</SummaryMap>" % "".join(
                           "<entry><key>%s</key><value>%d</value></entry>" % item for item in summary.items())))
    yield query_action("iam-get-account-password-policy", "GetAccountPasswordPolicy",
                       iam_response("GetAccountPasswordPolicy",
                                    "<PasswordPolicy><AllowUsersToChangePassword>true</AllowUsersToChangePassword>"
                                    "<RequireUppercaseCharacters>true</RequireUppercaseCharacters>"
                                    "<RequireSymbols>false</RequireSymbols><ExpirePasswords>false</ExpirePasswords>"
                                    "<PasswordReusePrevention>3</PasswordReusePrevention>"
                                    "<RequireLowercaseCharacters>true</RequireLowercaseCharacters>"
                                    "<MinimumPasswordLength>8</MinimumPasswordLength>"
                                    "<RequireNumbers>true</RequireNumbers><HardExpiry>false</HardExpiry>"
                                    "</PasswordPolicy>"))
    virtual = "".join(
        "<member><SerialNumber>arn:aws:iam::%s:mfa/%s</SerialNumber>"
        "<Base32StringSeed>DEMOSEEDJBSWY3DPEHPK3PXPDEMOSEEDJBSWY3DPEHPK3PXP</Base32StringSeed>"
        "<QRCodePNG>iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="
        "</QRCodePNG><User><UserId>AIDA%sEXAMPLE</UserId><Path>/</Path><UserName>%s</UserName>"
        "<Arn>arn:aws:iam::%s:user/%s</Arn><CreateDate>%s</CreateDate></User><EnableDate>%s</EnableDate></member>"
        % (ACCOUNT, name, name.upper(), name, ACCOUNT, name, ago(400), ago(390))
        for name, _, _, mfa, _ in USERS if mfa == "virtual")
    yield query_action("iam-list-virtual-mfa-devices", "ListVirtualMFADevices",
                       iam_response("ListVirtualMFADevices", "<VirtualMFADevices>%s</VirtualMFADevices>"
                                    "<IsTruncated>false</IsTruncated>" % virtual))
    # ListMFADevices is asked only about users with MFA and no virtual device, to tell their kind of device.
    for name, _, _, mfa, _ in USERS:
        if mfa and mfa != "virtual":
            devices = ("<member><UserName>%s</UserName><SerialNumber>GAHT12345678</SerialNumber>"
                       "<EnableDate>%s</EnableDate></member>" % (name, ago(380)))
            yield query_action("iam-list-mfa-devices-" + name, "ListMFADevices",
                               iam_response("ListMFADevices", "<MFADevices>%s</MFADevices><IsTruncated>false"
                                            "</IsTruncated>" % devices), extra_body=["UserName=" + name])

    buckets = "".join("<Bucket><Name>%s</Name><CreationDate>2024-03-01T10:00:00.000Z</CreationDate>"
                      "<BucketRegion>%s</BucketRegion></Bucket>" % (b[0], b[1]) for b in BUCKETS)
    yield s3_get("s3-list-buckets", "/", None,
                 '<?xml version="1.0" encoding="UTF-8"?><ListAllMyBucketsResult xmlns="%s"><Owner><ID>'
                 '79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be</ID><DisplayName>acme</DisplayName>'
                 '</Owner><Buckets>%s</Buckets></ListAllMyBucketsResult>' % (S3_NS, buckets), priority=9)
    body, status = s3_error("NoSuchPublicAccessBlockConfiguration",
                            "The public access block configuration was not found", 404)
    yield s3_get("s3control-get-public-access-block", "/v20180820/configuration/publicAccessBlock", None,
                 '<?xml version="1.0" encoding="UTF-8"?><ErrorResponse><Error><Code>'
                 'NoSuchPublicAccessBlockConfiguration</Code><Message>The public access block configuration was not '
                 'found</Message></Error><RequestId>4442587FB7D0A2F9</RequestId><HostId>demo</HostId></ErrorResponse>',
                 status=404)
    # ListBuckets names each bucket's region, so GetBucketLocation is never asked.
    for name, region, encryption, block, public_acl, versioning, log_target in BUCKETS:
        path = "/" + name
        if encryption is None:
            body, status = s3_error("ServerSideEncryptionConfigurationNotFoundError",
                                    "The server side encryption configuration was not found", 404)
        else:
            algorithm = "AES256" if encryption == "AES256" else "aws:kms"
            key = "" if encryption == "AES256" else "<KMSMasterKeyID>%s</KMSMasterKeyID>" % encryption
            body, status = ('<?xml version="1.0" encoding="UTF-8"?><ServerSideEncryptionConfiguration xmlns="%s">'
                            '<Rule><ApplyServerSideEncryptionByDefault><SSEAlgorithm>%s</SSEAlgorithm>%s'
                            '</ApplyServerSideEncryptionByDefault><BucketKeyEnabled>true</BucketKeyEnabled></Rule>'
                            '</ServerSideEncryptionConfiguration>' % (S3_NS, algorithm, key)), 200
        yield s3_get("s3-%s-encryption" % name, path, "encryption", body, status)
        if block:
            body, status = ('<?xml version="1.0" encoding="UTF-8"?><PublicAccessBlockConfiguration xmlns="%s">'
                            '<BlockPublicAcls>true</BlockPublicAcls><IgnorePublicAcls>true</IgnorePublicAcls>'
                            '<BlockPublicPolicy>true</BlockPublicPolicy><RestrictPublicBuckets>true'
                            '</RestrictPublicBuckets></PublicAccessBlockConfiguration>' % S3_NS), 200
        else:
            body, status = s3_error("NoSuchPublicAccessBlockConfiguration",
                                    "The public access block configuration was not found", 404)
        yield s3_get("s3-%s-public-access-block" % name, path, "publicAccessBlock", body, status)
        grants = ('<Grant><Grantee xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="CanonicalUser">'
                  '<ID>79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be</ID><DisplayName>acme'
                  '</DisplayName></Grantee><Permission>FULL_CONTROL</Permission></Grant>')
        if public_acl:
            grants += ('<Grant><Grantee xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="Group">'
                       '<URI>http://acs.amazonaws.com/groups/global/AllUsers</URI></Grantee><Permission>READ'
                       '</Permission></Grant>')
        yield s3_get("s3-%s-acl" % name, path, "acl",
                     '<?xml version="1.0" encoding="UTF-8"?><AccessControlPolicy xmlns="%s"><Owner><ID>'
                     '79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be</ID><DisplayName>acme'
                     '</DisplayName></Owner><AccessControlList>%s</AccessControlList></AccessControlPolicy>'
                     % (S3_NS, grants))
        status_element = "<Status>%s</Status>" % versioning if versioning else ""
        yield s3_get("s3-%s-versioning" % name, path, "versioning",
                     '<?xml version="1.0" encoding="UTF-8"?><VersioningConfiguration xmlns="%s">%s'
                     '</VersioningConfiguration>' % (S3_NS, status_element))
        if log_target == "DENIED":
            body, status = s3_error("AccessDenied", "Access Denied", 403)
        elif log_target:
            body, status = ('<?xml version="1.0" encoding="UTF-8"?><BucketLoggingStatus xmlns="%s"><LoggingEnabled>'
                            '<TargetBucket>%s</TargetBucket><TargetPrefix>%s/</TargetPrefix></LoggingEnabled>'
                            '</BucketLoggingStatus>' % (S3_NS, log_target, name)), 200
        else:
            body, status = ('<?xml version="1.0" encoding="UTF-8"?><BucketLoggingStatus xmlns="%s"/>' % S3_NS), 200
        yield s3_get("s3-%s-logging" % name, path, "logging", body, status)

    yield from regional_stubs()

# --- regional answers ------------------------------------------------------------------------------------------------
EC2_NS = "http://ec2.amazonaws.com/doc/2016-11-15/"
RDS_NS = "http://rds.amazonaws.com/doc/2014-10-31/"
KMS = "TrentService."
DYNAMODB = "DynamoDB_20120810."
CLOUDTRAIL = "com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101."
CONFIG = "StarlingDoveService."
SSM = "AmazonSSM."
VPCS = {"us-east-1": "vpc-0a1b2c3d4e5f6a7b8", "eu-west-1": "vpc-0b1c2d3e4f5a6b7c9"}
# platform: SSM's PlatformType, PlatformName, PlatformVersion
PLATFORMS = {
    "Amazon Linux 2023": ("Linux", "Amazon Linux", "2023"),
    "Windows Server 2022": ("Windows", "Microsoft Windows Server 2022 Datacenter", "10.0.20348"),
    "Ubuntu 24.04": ("Linux", "Ubuntu", "24.04"),
}
# application: Publisher, Version, Summary (as SSM inventory lists Linux packages and Windows programs)
APPLICATIONS = {
    "amazon-ssm-agent": ("Amazon.com", "3.3.1142.0", "Manage EC2 Instances using Systems Manager"),
    "openssl": ("Amazon Linux", "3.0.8", "Utilities from the general purpose cryptography library with TLS"),
    "falcon-sensor": ("CrowdStrike, Inc.", "7.18.0-17106", "CrowdStrike Falcon Sensor"),
    "Amazon SSM Agent": ("Amazon Web Services", "3.3.1142.0", None),
    "AWS Tools for Windows": ("Amazon Web Services Developer Relations", "4.1.650", None),
    "clamav": ("Ubuntu Developers <ubuntu-devel-discuss@lists.ubuntu.com>", "1.4.3+dfsg-0ubuntu0.22.04.1",
               "anti-virus utility for Unix - command-line interface"),
    "clamav-daemon": ("Ubuntu Developers <ubuntu-devel-discuss@lists.ubuntu.com>", "1.4.3+dfsg-0ubuntu0.22.04.1",
                      "anti-virus utility for Unix - scanner daemon"),
    "git": ("Ubuntu Developers <ubuntu-devel-discuss@lists.ubuntu.com>", "1:2.34.1-1ubuntu1.15",
            "fast, scalable, distributed revision control system"),
}


def key_arn(name):
    for key_name, region, key_id, _, _, _ in KEYS:
        if key_name == name:
            return "arn:aws:kms:%s:%s:key/%s" % (region, ACCOUNT, key_id)
    raise KeyError(name)


def trail_arn(name, home):
    return "arn:aws:cloudtrail:%s:%s:trail/%s" % (home, ACCOUNT, name)


def private_dns(region, ip):
    host = "ip-" + ip.replace(".", "-")
    return host + (".ec2.internal" if region == "us-east-1" else ".%s.compute.internal" % region)


def ec2_response(action, content):
    return ('<?xml version="1.0" encoding="UTF-8"?><%sResponse xmlns="%s"><requestId>'
            '7a62c49f-347e-4fc4-9331-6e8eEXAMPLE</requestId>%s</%sResponse>' % (action, EC2_NS, content, action))


def rds_response(action, result):
    return ('<?xml version="1.0" encoding="UTF-8"?><%sResponse xmlns="%s"><%sResult>%s</%sResult>'
            '<ResponseMetadata><RequestId>9135fff3-8509-11e0-bd9b-a7b1ece36d51</RequestId></ResponseMetadata>'
            '</%sResponse>' % (action, RDS_NS, action, result, action, action))


def ec2_stubs(region):
    ebs_default, _, _ = REGION_SETTINGS[region]
    volumes = ""
    for volume_id, where, size, instance, key in VOLUMES:
        if where != region:
            continue
        encryption = "<encrypted>false</encrypted>" if key is None else (
            "<encrypted>true</encrypted><kmsKeyId>%s</kmsKeyId>" % key_arn(key))
        volumes += ("<item><volumeId>%s</volumeId><size>%d</size><snapshotId/><availabilityZone>%sa</availabilityZone>"
                    "<status>in-use</status><createTime>%s</createTime><attachmentSet><item><volumeId>%s</volumeId>"
                    "<instanceId>%s</instanceId><device>/dev/xvda</device><status>attached</status><attachTime>%s"
                    "</attachTime><deleteOnTermination>true</deleteOnTermination></item></attachmentSet>"
                    "<volumeType>gp3</volumeType><iops>3000</iops>%s<throughput>125</throughput>"
                    "<multiAttachEnabled>false</multiAttachEnabled></item>"
                    % (volume_id, size, region, ago(200), volume_id, instance, ago(200), encryption))
    yield query_action("ec2-%s-describe-volumes" % region, "DescribeVolumes",
                       ec2_response("DescribeVolumes", "<volumeSet>%s</volumeSet>" % volumes), region=region)
    yield query_action("ec2-%s-get-ebs-encryption-by-default" % region, "GetEbsEncryptionByDefault",
                       ec2_response("GetEbsEncryptionByDefault", "<ebsEncryptionByDefault>%s</ebsEncryptionByDefault>"
                                    "<sseType>sse-ebs</sseType>" % ("true" if ebs_default else "false")),
                       region=region)
    groups = ""
    for group_id, where, name, rules in SECURITY_GROUPS:
        if where != region:
            continue
        permissions = ""
        for protocol, from_port, to_port, sources in rules:
            ports = "" if from_port is None else "<fromPort>%d</fromPort><toPort>%d</toPort>" % (from_port, to_port)
            v4 = "".join("<item><cidrIp>%s</cidrIp></item>" % s for s in sources if ":" not in s)
            v6 = "".join("<item><cidrIpv6>%s</cidrIpv6></item>" % s for s in sources if ":" in s)
            permissions += ("<item><ipProtocol>%s</ipProtocol>%s<groups/><ipRanges>%s</ipRanges><ipv6Ranges>%s"
                            "</ipv6Ranges><prefixListIds/></item>" % (protocol, ports, v4, v6))
        groups += ("<item><ownerId>%s</ownerId><groupId>%s</groupId><groupName>%s</groupName><groupDescription>%s"
                   "</groupDescription><vpcId>%s</vpcId><ipPermissions>%s</ipPermissions><ipPermissionsEgress><item>"
                   "<ipProtocol>-1</ipProtocol><groups/><ipRanges><item><cidrIp>0.0.0.0/0</cidrIp></item></ipRanges>"
                   "<ipv6Ranges/><prefixListIds/></item></ipPermissionsEgress></item>"
                   % (ACCOUNT, group_id, name, name, VPCS[region], permissions))
    yield query_action("ec2-%s-describe-security-groups" % region, "DescribeSecurityGroups",
                       ec2_response("DescribeSecurityGroups", "<securityGroupInfo>%s</securityGroupInfo>" % groups),
                       region=region)
    reservations = ""
    for instance_id, where, ip, state, _ in INSTANCES:
        if where != region:
            continue
        code = {"running": 16, "stopped": 80}[state]
        reservations += ("<item><reservationId>r-%s</reservationId><ownerId>%s</ownerId><groupSet/><instancesSet>"
                         "<item><instanceId>%s</instanceId><imageId>ami-0abcdef1234567890</imageId><instanceState>"
                         "<code>%d</code><name>%s</name></instanceState><privateDnsName>%s</privateDnsName><dnsName/>"
                         "<reason/><amiLaunchIndex>0</amiLaunchIndex><productCodes/><instanceType>t3.micro"
                         "</instanceType><launchTime>%s</launchTime><placement><availabilityZone>%sa"
                         "</availabilityZone><groupName/><tenancy>default</tenancy></placement><monitoring><state>"
                         "disabled</state></monitoring><subnetId>subnet-%s</subnetId><vpcId>%s</vpcId>"
                         "<privateIpAddress>%s</privateIpAddress><architecture>x86_64</architecture><rootDeviceType>"
                         "ebs</rootDeviceType><rootDeviceName>/dev/xvda</rootDeviceName>%s</item></instancesSet></item>"
                         % (instance_id[2:], ACCOUNT, instance_id, code, state, private_dns(region, ip), ago(200),
                            region, VPCS[region][4:], VPCS[region], ip, block_devices(instance_id)))
    yield query_action("ec2-%s-describe-instances" % region, "DescribeInstances",
                       ec2_response("DescribeInstances", "<reservationSet>%s</reservationSet>" % reservations),
                       region=region)


def block_devices(instance_id):
    """The instance's blockDeviceMapping: its EBS volumes of VOLUMES, at the root device /dev/xvda."""
    items = "".join("<item><deviceName>/dev/xvda</deviceName><ebs><volumeId>%s</volumeId><status>attached</status>"
                    "<attachTime>%s</attachTime><deleteOnTermination>true</deleteOnTermination></ebs></item>"
                    % (volume_id, ago(200)) for volume_id, _, _, instance, _ in VOLUMES if instance == instance_id)
    return "<blockDeviceMapping>%s</blockDeviceMapping>" % items


def rds_stubs(region):
    instances = ""
    for name, where, engine, public, retention, key in DATABASES:
        if where != region:
            continue
        port = {"postgres": 5432, "mysql": 3306}[engine]
        encryption = "<StorageEncrypted>false</StorageEncrypted>" if key is None else (
            "<StorageEncrypted>true</StorageEncrypted><KmsKeyId>%s</KmsKeyId>" % key_arn(key))
        instances += ("<DBInstance><DBInstanceIdentifier>%s</DBInstanceIdentifier><DBInstanceClass>db.t3.micro"
                      "</DBInstanceClass><Engine>%s</Engine><DBInstanceStatus>available</DBInstanceStatus>"
                      "<MasterUsername>admin</MasterUsername><Endpoint><Address>%s.c0a1b2c3d4e5.%s.rds.amazonaws.com"
                      "</Address><Port>%d</Port></Endpoint><AllocatedStorage>20</AllocatedStorage>"
                      "<BackupRetentionPeriod>%d</BackupRetentionPeriod><AvailabilityZone>%sa</AvailabilityZone>"
                      "<MultiAZ>false</MultiAZ>%s<StorageType>gp3</StorageType>%s<DbiResourceId>db-%s"
                      "</DbiResourceId><DBInstanceArn>arn:aws:rds:%s:%s:db:%s</DBInstanceArn><DeletionProtection>"
                      "false</DeletionProtection></DBInstance>"
                      # RDS leaves PubliclyAccessible out when it is false
                      % (name, engine, name, region, port, retention, region,
                         "<PubliclyAccessible>true</PubliclyAccessible>" if public else "", encryption,
                         (name.upper().replace("-", "") + "ABCDEFGHIJKLMNOPQRSTUVWXYZ")[:26], region, ACCOUNT, name))
    yield query_action("rds-%s-describe-db-instances" % region, "DescribeDBInstances",
                       rds_response("DescribeDBInstances", "<DBInstances>%s</DBInstances>" % instances),
                       region=region)


def kms_stubs(region):
    keys = [key for key in KEYS if key[1] == region]
    yield json_call("kms-%s-list-keys" % region, KMS + "ListKeys", region,
                    {"Keys": [{"KeyId": key_id, "KeyArn": key_arn(name)} for name, _, key_id, _, _, _ in keys],
                     "Truncated": False})
    for name, _, key_id, manager, spec, rotation in keys:
        metadata = {"AWSAccountId": ACCOUNT, "Arn": key_arn(name), "CreationDate": "@@%s@@" % epoch_ago(700),
                    "CustomerMasterKeySpec": spec,
                    "Description": "Default key that protects my EBS volumes when no other key is defined"
                    if name == "aws/ebs" else "Evidentry demo key " + name, "Enabled": True}
        if spec == "SYMMETRIC_DEFAULT":
            metadata["EncryptionAlgorithms"] = ["SYMMETRIC_DEFAULT"]
        metadata.update({"KeyId": key_id, "KeyManager": manager, "KeySpec": spec, "KeyState": "Enabled",
                         "KeyUsage": "ENCRYPT_DECRYPT" if spec == "SYMMETRIC_DEFAULT" else "SIGN_VERIFY",
                         "MultiRegion": False, "Origin": "AWS_KMS"})
        if spec != "SYMMETRIC_DEFAULT":
            metadata["SigningAlgorithms"] = ["RSASSA_PKCS1_V1_5_SHA_256", "RSASSA_PSS_SHA_256"]
        yield json_call("kms-%s-describe-key-%s" % (region, name.replace("/", "-")), KMS + "DescribeKey", region,
                        {"KeyMetadata": metadata}, key={"KeyId": key_arn(name)})
        if manager == "CUSTOMER" and spec == "SYMMETRIC_DEFAULT":
            status = {"KeyId": key_arn(name), "KeyRotationEnabled": rotation}
            if rotation:
                status.update({"NextRotationDate": "@@%s@@" % epoch_ago(-100), "RotationPeriodInDays": 365})
            yield json_call("kms-%s-get-key-rotation-status-%s" % (region, name), KMS + "GetKeyRotationStatus",
                            region, status, key={"KeyId": key_arn(name)})


def dynamodb_stubs(region):
    tables = [table for table in TABLES if table[1] == region]
    yield json_call("dynamodb-%s-list-tables" % region, DYNAMODB + "ListTables", region,
                    {"TableNames": [name for name, _, _ in tables]}, protocol="1.0")
    for number, (name, _, key) in enumerate(tables):
        table = {"AttributeDefinitions": [{"AttributeName": "id", "AttributeType": "S"}],
                 "CreationDateTime": "@@%s@@" % epoch_ago(300), "ItemCount": 0,
                 "KeySchema": [{"AttributeName": "id", "KeyType": "HASH"}],
                 "ProvisionedThroughput": {"NumberOfDecreasesToday": 0, "ReadCapacityUnits": 0,
                                           "WriteCapacityUnits": 0},
                 "TableArn": "arn:aws:dynamodb:%s:%s:table/%s" % (region, ACCOUNT, name),
                 "TableId": "a1b2c3d4-5678-90ab-cdef-EXAMPLE1111%d" % number, "TableName": name,
                 "TableSizeBytes": 0, "TableStatus": "ACTIVE",
                 "BillingModeSummary": {"BillingMode": "PAY_PER_REQUEST",
                                        "LastUpdateToPayPerRequestDateTime": "@@%s@@" % epoch_ago(300)},
                 "DeletionProtectionEnabled": True}
        if key:  # DynamoDB describes SSE only for tables not on the AWS owned key
            table["SSEDescription"] = {"Status": "ENABLED", "SSEType": "KMS", "KMSMasterKeyArn": key_arn(key)}
        yield json_call("dynamodb-%s-describe-table-%s" % (region, name), DYNAMODB + "DescribeTable", region,
                        {"Table": table}, key={"TableName": name}, protocol="1.0")


def cloudtrail_stubs(region):
    listed = []
    for name, home, multi_region, _, validation, key in TRAILS:
        if home == region or multi_region:  # a multi-region trail shows in every region, as a shadow trail elsewhere
            trail = {"Name": name, "S3BucketName": "acme-cloudtrail-logs", "IncludeGlobalServiceEvents": multi_region,
                     "IsMultiRegionTrail": multi_region, "HomeRegion": home, "TrailARN": trail_arn(name, home),
                     "LogFileValidationEnabled": validation}
            if key:
                trail["KmsKeyId"] = key_arn(key)
            trail.update({"HasCustomEventSelectors": False, "HasInsightSelectors": False,
                          "IsOrganizationTrail": False})
            listed.append(trail)
    yield json_call("cloudtrail-%s-describe-trails" % region, CLOUDTRAIL + "DescribeTrails", region,
                    {"trailList": listed})
    for name, home, _, logging, _, _ in TRAILS:
        if home != region:
            continue
        if logging:
            status = {"IsLogging": True, "LatestDeliveryTime": "@@%s@@" % epoch_ago(0),
                      "StartLoggingTime": "@@%s@@" % epoch_ago(400),
                      "LatestDigestDeliveryTime": "@@%s@@" % epoch_ago(0),
                      "LatestDeliveryAttemptTime": ago(0), "LatestNotificationAttemptTime": "",
                      "LatestNotificationAttemptSucceeded": "", "LatestDeliveryAttemptSucceeded": ago(0),
                      "TimeLoggingStarted": ago(400), "TimeLoggingStopped": ""}
        else:
            status = {"IsLogging": False, "StartLoggingTime": "@@%s@@" % epoch_ago(400),
                      "StopLoggingTime": "@@%s@@" % epoch_ago(45), "LatestDeliveryAttemptTime": "",
                      "LatestNotificationAttemptTime": "", "LatestNotificationAttemptSucceeded": "",
                      "LatestDeliveryAttemptSucceeded": "", "TimeLoggingStarted": ago(400),
                      "TimeLoggingStopped": ago(45)}
        yield json_call("cloudtrail-%s-get-trail-status-%s" % (region, name), CLOUDTRAIL + "GetTrailStatus",
                        region, status, key={"Name": trail_arn(name, home)})


def guardduty_stubs(region):
    _, detector, _ = REGION_SETTINGS[region]
    yield rest_json_get("guardduty-%s-list-detectors" % region, "/detector", region,
                        {"detectorIds": [detector[0]] if detector else []})
    if detector:
        detector_id, status = detector
        yield rest_json_get("guardduty-%s-get-detector" % region, "/detector/" + detector_id, region,
                            {"createdAt": ago(400).replace("ss'Z'", "ss.SSS'Z'"),
                             "findingPublishingFrequency": "SIX_HOURS",
                             "serviceRole": "arn:aws:iam::%s:role/aws-service-role/guardduty.amazonaws.com/"
                                            "AWSServiceRoleForAmazonGuardDuty" % ACCOUNT,
                             "status": status, "updatedAt": ago(400).replace("ss'Z'", "ss.SSS'Z'"), "tags": {}})


def config_stubs(region):
    _, _, recording = REGION_SETTINGS[region]
    recorders, statuses = [], []
    if recording is not None:
        recorders.append({"name": "default",
                          "roleARN": "arn:aws:iam::%s:role/aws-service-role/config.amazonaws.com/"
                                     "AWSServiceRoleForConfig" % ACCOUNT,
                          "recordingGroup": {"allSupported": True, "includeGlobalResourceTypes": region == "us-east-1",
                                             "resourceTypes": [], "exclusionByResourceTypes": {"resourceTypes": []},
                                             "recordingStrategy": {"useOnly": "ALL_SUPPORTED_RESOURCE_TYPES"}},
                          "recordingMode": {"recordingFrequency": "CONTINUOUS", "recordingModeOverrides": []}})
        status = {"name": "default", "lastStartTime": "@@%s@@" % epoch_ago(400), "recording": recording,
                  "lastStatus": "SUCCESS" if recording else "PENDING",
                  "lastStatusChangeTime": "@@%s@@" % epoch_ago(0 if recording else 60)}
        if not recording:
            status["lastStopTime"] = "@@%s@@" % epoch_ago(60)
        statuses.append(status)
    yield json_call("config-%s-describe-configuration-recorders" % region,
                    CONFIG + "DescribeConfigurationRecorders", region, {"ConfigurationRecorders": recorders})
    yield json_call("config-%s-describe-configuration-recorder-status" % region,
                    CONFIG + "DescribeConfigurationRecorderStatus", region, {"ConfigurationRecordersStatus": statuses})


def ssm_stubs(region):
    """SSM manages the instances the estate gives a platform and the machines outside EC2."""
    managed = [(instance_id, "EC2Instance", private_dns(region, ip) if PLATFORMS[ssm[0]][0] == "Linux"
                else "EC2AMAZ-7Q4B2TK.WORKGROUP", ip, ssm[0], ssm[1])
               for instance_id, where, ip, _, ssm in INSTANCES if where == region and ssm]
    managed += [(machine_id, "ManagedInstance", computer, ip, platform, applications)
                for machine_id, where, computer, ip, platform, applications in ON_PREMISES if where == region]
    information = []
    for machine_id, resource_type, computer, ip, platform, _ in managed:
        platform_type, platform_name, platform_version = PLATFORMS[platform]
        information.append({"InstanceId": machine_id, "PingStatus": "Online",
                            "LastPingDateTime": "@@%s@@" % epoch_ago(0), "AgentVersion": "3.3.1142.0",
                            "IsLatestVersion": False, "PlatformType": platform_type, "PlatformName": platform_name,
                            "PlatformVersion": platform_version, "ResourceType": resource_type, "IPAddress": ip,
                            "ComputerName": computer, "AssociationStatus": "Success",
                            "LastAssociationExecutionDate": "@@%s@@" % epoch_ago(0),
                            "LastSuccessfulAssociationExecutionDate": "@@%s@@" % epoch_ago(0),
                            "AssociationOverview": {"DetailedStatus": "Success",
                                                    "InstanceAssociationStatusAggregatedCount": {"Success": 1}}})
    yield json_call("ssm-%s-describe-instance-information" % region, SSM + "DescribeInstanceInformation", region,
                    {"InstanceInformationList": information})
    states = []
    for machine_id, _, _, _, _, _ in managed:
        if machine_id not in PATCH_STATES:
            continue
        days, operation = PATCH_STATES[machine_id]
        states.append({"InstanceId": machine_id, "PatchGroup": "", "BaselineId": "pb-0c10e65780EXAMPLE",
                       "SnapshotId": "521c3536-930c-4aa9-950e-01234567abcd", "InstalledCount": 42,
                       "InstalledOtherCount": 0, "InstalledPendingRebootCount": 0, "InstalledRejectedCount": 0,
                       "MissingCount": 0 if operation == "Install" else 3, "FailedCount": 0,
                       "UnreportedNotApplicableCount": 0, "NotApplicableCount": 564,
                       "OperationStartTime": "@@%s@@" % epoch_ago(days), "OperationEndTime": "@@%s@@" % epoch_ago(days),
                       "Operation": operation, "RebootOption": "RebootIfNeeded"})
    if managed:  # Patch Manager is asked about managed machines only
        yield json_call("ssm-%s-describe-instance-patch-states" % region, SSM + "DescribeInstancePatchStates", region,
                        {"InstancePatchStates": states})
    for machine_id, _, _, _, platform, applications in managed:
        entries = []
        for name in applications:
            publisher, version, summary = APPLICATIONS[name]
            entry = {"Architecture": "x86_64", "InstalledTime": ago(150), "Name": name, "Publisher": publisher,
                     "Version": version}
            if summary:
                entry.update({"ApplicationType": "Unspecified", "Summary": summary})
            entries.append(entry)
        yield json_call("ssm-%s-list-inventory-entries-%s" % (region, machine_id), SSM + "ListInventoryEntries",
                        region, {"TypeName": "AWS:Application", "InstanceId": machine_id, "SchemaVersion": "1.1",
                                 "CaptureTime": hours_ago(2), "Entries": entries},
                        key={"InstanceId": machine_id})


def regional_stubs():
    for region in REGIONS:
        for service in (ec2_stubs, rds_stubs, kms_stubs, dynamodb_stubs, cloudtrail_stubs, guardduty_stubs,
                        config_stubs, ssm_stubs):
            yield from service(region)


def main():
    demo_common.write_mappings(os.path.join(OUT, "aws"), stubs())
    demo_common.write_mappings(os.path.join(OUT, "github"), demo_github.stubs())
    demo_common.write_mappings(os.path.join(OUT, "okta"), demo_okta.stubs())
    demo_endpoint.main()


if __name__ == "__main__":
    main()
