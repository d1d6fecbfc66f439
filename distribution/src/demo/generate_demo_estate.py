#!/usr/bin/env python3
"""Writes the demo estate: WireMock stubs that answer the AWS SDK like a small, imperfect AWS account would.

The response bodies follow the shapes of AWS's documented API answers (IAM, STS and EC2 query-protocol XML, S3 and
S3 Control REST XML). Dates are WireMock templates relative to the time of the demo, so credential ages stay what the
estate says they are. Run it after changing the estate below; it rewrites src/main/resources/demo-estate/mappings.
"""
import json
import os
import shutil

ACCOUNT = "111122223333"
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "main", "resources", "demo-estate", "mappings")
IAM_NS = "https://iam.amazonaws.com/doc/2010-05-08/"
S3_NS = "http://s3.amazonaws.com/doc/2006-03-01/"


def ago(days):
    """A WireMock template for the instant `days` days before the demo runs, in AWS's ISO-8601 form."""
    return "{{now offset='-%d days' format=\"yyyy-MM-dd'T'HH:mm:ss'Z'\"}}" % days


def query_action(name, action, body, extra_body=None, status=200):
    """An IAM, STS or EC2 call: POST / with a form body naming the action."""
    patterns = [{"contains": "Action=" + action}]
    for fragment in extra_body or []:
        patterns.append({"contains": fragment})
    return name, {
        "request": {"method": "POST", "urlPath": "/", "bodyPatterns": patterns},
        "response": {"status": status, "headers": {"Content-Type": "text/xml"}, "body": body,
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


# --- the estate -----------------------------------------------------------------------------------------------------
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
                      for r in ("eu-west-1", "us-east-1"))
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
    for name, _, _, mfa, _ in USERS:
        devices = ""
        if mfa == "hardware":
            devices = ("<member><UserName>%s</UserName><SerialNumber>GAHT12345678</SerialNumber>"
                       "<EnableDate>%s</EnableDate></member>" % (name, ago(380)))
        elif mfa == "virtual":
            devices = ("<member><UserName>%s</UserName><SerialNumber>arn:aws:iam::%s:mfa/%s</SerialNumber>"
                       "<EnableDate>%s</EnableDate></member>" % (name, ACCOUNT, name, ago(390)))
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
    for name, region, encryption, block, public_acl, versioning, log_target in BUCKETS:
        path = "/" + name
        location = "" if region == "us-east-1" else region
        yield s3_get("s3-%s-location" % name, path, "location",
                     '<?xml version="1.0" encoding="UTF-8"?><LocationConstraint xmlns="%s">%s</LocationConstraint>'
                     % (S3_NS, location))
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


def main():
    shutil.rmtree(OUT, ignore_errors=True)
    os.makedirs(OUT)
    count = 0
    for name, stub in stubs():
        stub["name"] = name
        with open(os.path.join(OUT, name + ".json"), "w", encoding="utf-8") as out:
            json.dump(stub, out, indent=2, sort_keys=True)
            out.write("\n")
        count += 1
    print("wrote %d stubs to %s" % (count, os.path.normpath(OUT)))


if __name__ == "__main__":
    main()
