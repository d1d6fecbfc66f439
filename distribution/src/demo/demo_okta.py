"""The demo's Okta org: WireMock stubs (served over HTTPS) that answer the Okta SDK like Okta's Management API would
for a small, imperfect org.

Every body is built from the Okta provider's own fixtures (providers/okta/src/test/resources/okta, whose README names
the example of Okta's OpenAPI description each follows), keeping their fields and shapes and changing only ids,
names, dates and the values below. Links Okta writes as https://{yourOktaDomain} are the demo server's own.
"""
import json
import os

from demo_common import HTTP_DATE, ISO_MILLIS, json_body, now

FIXTURES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "providers", "okta", "src",
                        "test", "resources", "okta")

# --- the estate ----------------------------------------------------------------------------------------------------
# user id, login, status, last sign-in (days ago), enrolled factors (None: not asked, the user cannot sign in),
# admin role (type, assigned to the USER or through a GROUP) or None
USERS = [
    ("00u1amyAdmin00000g4", "amy.admin@acme.example", "ACTIVE", 1, ["webauthn", "sms"], ("SUPER_ADMIN", "USER")),
    ("00u2samOps0000000g4", "sam.ops@acme.example", "ACTIVE", 2, ["sms"], ("ORG_ADMIN", "GROUP")),
    ("00u3niaNew0000000g4", "nia.new@acme.example", "ACTIVE", 3, [], None),
    ("00u4devonDormant0g4", "devon.dormant@acme.example", "ACTIVE", 200, ["push"], None),
    ("00u5suzyLeft00000g4", "suzy.left@acme.example", "SUSPENDED", 400, None, None),
]
# the org's policies, with their rules, as the provider's fixtures describe them: a global session policy whose
# default rule lets everyone but admins in with a password alone and keeps idle sessions 120 minutes; the dashboard's
# authentication policy (2FA throughout, phishing-resistant for admins) and a legacy app's (password only from the
# office); a staff password policy (14 characters, 24 remembered, lockout after 5) and Okta's default (8, 4, none)
POLICIES = {
    "OKTA_SIGN_ON": "policies/okta-sign-on.json",
    "ACCESS_POLICY": "policies/access-policy.json",
    "PASSWORD": "policies/password.json",
}
ROLE_LABELS = {"SUPER_ADMIN": "Super Administrator", "ORG_ADMIN": "Organization Administrator"}


def fixture(path):
    with open(os.path.join(FIXTURES, path), encoding="utf-8") as file:
        return json.load(file)


def headers():
    """What Okta sends with every answer: its rate-limit window (one request of 600 used) and the time."""
    return {"Content-Type": "application/json", "Date": now(format=HTTP_DATE), "X-Rate-Limit-Limit": "600",
            "X-Rate-Limit-Remaining": "599", "X-Rate-Limit-Reset": "{{now offset='1 minutes' format='unix'}}"}


def get(name, path, answer, query=None):
    request = {"method": "GET", "urlPath": path}
    if query:
        request["queryParameters"] = query
    body = json_body(answer).replace("https://{yourOktaDomain}", "{{request.baseUrl}}")
    return name, {"request": request, "response": {"status": 200, "headers": headers(), "body": body,
                                                   "transformers": ["response-template"]}}


def relinked(value, old_id, new_id):
    return json.loads(json.dumps(value).replace(old_id, new_id))


def user(user_id, login, status, last_login):
    value = relinked(fixture("users/page-1.json")[0], "00u1alice0SuperAdm0g4", user_id)
    first, last = login.split("@")[0].split(".")
    value.update({"status": status, "created": now("-900 days", ISO_MILLIS),
                  "statusChanged": now("-%d days" % (last_login - 30), ISO_MILLIS) if status != "ACTIVE" else None,
                  "lastLogin": now("-%d days" % last_login, ISO_MILLIS),
                  "lastUpdated": now("-30 days", ISO_MILLIS), "passwordChanged": now("-200 days", ISO_MILLIS)})
    value["profile"].update({"firstName": first.capitalize(), "lastName": last.capitalize(), "login": login,
                             "email": login})
    return value


def factor_templates():
    """One enrolled factor of each kind the fixtures show, by factorType, still naming the fixture's user."""
    templates = {}
    for owner in ("00u1alice0SuperAdm0g4", "00u2bob0OrgAdmin00g4", "00u3carol0NoMfa000g4", "00u4dave0Dormant00g4"):
        for factor in fixture("factors/%s.json" % owner):
            templates.setdefault(factor["factorType"], (owner, factor))
    return templates


def stubs():
    yield get("users", "/api/v1/users", [user(user_id, login, status, last_login)
                                         for user_id, login, status, last_login, _, _ in USERS],
              query={"after": {"absent": True}})
    templates = factor_templates()
    roles = {"USER": fixture("roles/00u1alice0SuperAdm0g4.json")[0],
             "GROUP": fixture("roles/00u2bob0OrgAdmin00g4.json")[0]}
    for number, (user_id, login, _, _, factors, role) in enumerate(USERS):
        if factors is None:
            continue  # a user who cannot sign in is not asked about
        enrolled = []
        for kind in factors:
            owner, template = templates[kind]
            factor = relinked(template, owner, user_id)
            factor.update({"created": now("-300 days", ISO_MILLIS), "lastUpdated": now("-300 days", ISO_MILLIS)})
            if kind == "sms":
                factor["profile"]["phoneNumber"] = "+1-555-010-%04d" % (1000 + number)
            if kind in ("push", "token:software:totp"):
                factor["profile"]["credentialId"] = login
            if kind == "push":
                factor["profile"]["name"] = login.split(".")[0].capitalize() + "'s iPhone"
            enrolled.append(factor)
        yield get("users-%s-factors" % login.split("@")[0], "/api/v1/users/%s/factors" % user_id, enrolled)
        assigned = []
        if role:
            kind, assignment = role
            assigned.append(dict(roles[assignment], type=kind, label=ROLE_LABELS[kind], assignmentType=assignment))
        yield get("users-%s-roles" % login.split("@")[0], "/api/v1/users/%s/roles" % user_id, assigned)
    for kind, path in POLICIES.items():
        policies = fixture(path)
        yield get("policies-" + kind.lower().replace("_", "-"), "/api/v1/policies", policies,
                  query={"type": {"equalTo": kind}})
        if kind != "PASSWORD":  # password policies' rules are not asked for
            for policy in policies:
                yield get("policies-%s-rules" % policy["id"], "/api/v1/policies/%s/rules" % policy["id"],
                          fixture("rules/%s.json" % policy["id"]))
