"""The demo's GitHub organisation: WireMock stubs that answer github-api (the GitHub provider's client) like GitHub's
REST API would for a small, imperfect organisation.

Every body is built from the GitHub provider's own fixtures (providers/github/src/test/resources/github, whose README
names the documented example of GitHub's OpenAPI description each follows), keeping their fields and shapes and
changing only names, ids and the settings below. URLs GitHub writes as https://api.github.com are the demo server's
own ({{request.baseUrl}}): github-api follows some of them, such as a branch's protection_url.
"""
import copy
import json
import os

from demo_common import HTTP_DATE, json_body, now

FIXTURES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "providers", "github", "src",
                        "test", "resources", "github")

# --- the estate ----------------------------------------------------------------------------------------------------
ORG = "acme-corp"
# organisation settings an owner sees: two-factor requirement, base permission of members on every repository
ORG_SETTINGS = {"two_factor_requirement_enabled": False, "default_repository_permission": "read"}
# login, member or outside collaborator, has two-factor authentication on
PEOPLE = [
    ("alice-acme", "member", True),
    ("bob-acme", "member", False),
    ("carol-acme", "member", True),
    ("dan-contractor", "outside collaborator", True),
]
# classic protection of a default branch: approving reviews, admins included, force pushes, deletions, status checks
GUARDED = {"reviews": 2, "enforce_admins": True, "force_pushes": False, "deletions": False, "checks": ["ci/build"]}
LOOSE = {"reviews": 1, "enforce_admins": False, "force_pushes": True, "deletions": False, "checks": []}
# repository, visibility, archived, default branch protection (None: unprotected), secret scanning and push protection
# and Dependabot security updates on, Dependabot alerts on
REPOSITORIES = [
    ("payments-api", "private", False, GUARDED, True, True),
    ("infra-terraform", "private", False, LOOSE, True, True),
    ("marketing-site", "public", False, None, False, False),
    ("2019-hackathon", "public", True, None, False, False),
]


def fixture(path):
    with open(os.path.join(FIXTURES, path), encoding="utf-8") as file:
        return json.load(file)


def renamed(value, replacements):
    """A fixture object with names replaced throughout, longest first."""
    text = json.dumps(value)
    for old, new in sorted(replacements.items(), key=lambda item: -len(item[0])):
        text = text.replace(old, new)
    return json.loads(text)


def headers():
    """The headers GitHub sends with every answer (see the provider's FakeGithub)."""
    return {"Content-Type": "application/json; charset=utf-8", "Date": now(format=HTTP_DATE),
            "X-GitHub-Media-Type": "github.v3; format=json", "X-GitHub-Api-Version-Selected": "2022-11-28",
            "X-RateLimit-Limit": "5000", "X-RateLimit-Remaining": "4990",
            "X-RateLimit-Reset": "{{now offset='1 hours' format='unix'}}", "X-RateLimit-Resource": "core"}


def get(name, path, answer, status=200, query=None):
    """GET on a path (query parameters: {name: WireMock matcher}); `answer` None is an empty body."""
    request = {"method": "GET", "urlPath": path}
    if query:
        request["queryParameters"] = query
    response = {"status": status, "headers": headers(), "transformers": ["response-template"]}
    if answer is not None:
        body = json_body(answer)
        assert "{{" not in body.replace("{{request.baseUrl}}", "").replace("{{now", ""), name
        response["body"] = body.replace("https://api.github.com", "{{request.baseUrl}}")
    else:
        del response["headers"]["Content-Type"]
    return name, {"request": request, "response": response}


def user(login, number):
    template = fixture("orgs/octo-org-members-page1.json")[0]
    value = renamed(template, {"octocat": login})
    value.update({"id": 7000 + number, "node_id": "MDQ6VXNlcj%d" % (7000 + number)})
    return value


def repository(number, name, visibility, archived, security):
    template = fixture("orgs/octo-org-repos-page1.json")[0]
    value = renamed(template, {"octo-org/Hello-World": ORG + "/" + name, "Hello-World": name, "octo-org": ORG})
    status = {"status": "enabled" if security else "disabled"}
    value.update({"id": 9100000 + number, "node_id": "MDEwOlJlcG9zaXRvcnk%d" % (9100000 + number),
                  "private": visibility != "public", "visibility": visibility, "archived": archived,
                  "description": "Acme's " + name})
    value["owner"].update({"id": 9000001, "node_id": "MDEyOk9yZ2FuaXphdGlvbjkwMDAwMDE="})
    value["security_and_analysis"] = {
        "advanced_security": dict(status), "secret_scanning": dict(status),
        "secret_scanning_push_protection": dict(status), "dependabot_security_updates": dict(status),
        "secret_scanning_non_provider_patterns": {"status": "disabled"},
        "secret_scanning_validity_checks": {"status": "disabled"}}
    return value


def branch(name, protection):
    source = "Hello-World" if protection else "Spoon-Knife"
    value = renamed(fixture("repos/octo-org/%s/branches-main.json" % source),
                    {"octo-org/" + source: ORG + "/" + name})
    if protection:
        value["protection"]["required_status_checks"] = {
            "enforcement_level": "everyone" if protection["enforce_admins"] else "non_admins",
            "contexts": protection["checks"], "checks": [{"context": c, "app_id": None} for c in protection["checks"]]}
    return value


def branch_protection(name, protection):
    value = renamed(fixture("repos/octo-org/Hello-World/protection-main.json"),
                    {"octo-org/Hello-World": ORG + "/" + name})
    if protection["checks"]:
        value["required_status_checks"]["contexts"] = protection["checks"]
        value["required_status_checks"]["enforcement_level"] = (
            "everyone" if protection["enforce_admins"] else "non_admins")
    else:
        del value["required_status_checks"]  # GitHub leaves out what is not configured
    value["enforce_admins"]["enabled"] = protection["enforce_admins"]
    value["required_pull_request_reviews"]["required_approving_review_count"] = protection["reviews"]
    value["allow_force_pushes"]["enabled"] = protection["force_pushes"]
    value["allow_deletions"]["enabled"] = protection["deletions"]
    return value


def stubs():
    rate = fixture("rate_limit.json")
    for window in list(rate["resources"].values()) + [rate["rate"]]:
        window["reset"] = "@@{{now offset='1 hours' format='unix'}}@@"
    yield get("rate-limit", "/rate_limit", rate)

    organization = renamed(fixture("orgs/octo-org.json"), {"octo-org": ORG, "Octo Org": "Acme Corp"})
    organization.update({"id": 9000001, "node_id": "MDEyOk9yZ2FuaXphdGlvbjkwMDAwMDE=",
                         "description": "Acme Corp's code", "public_repos": 2, "total_private_repos": 2,
                         "owned_private_repos": 2, "email": "security@acme.example",
                         "billing_email": "billing@acme.example", "blog": "https://acme.example",
                         "location": "Remote", "company": "Acme Corp", "twitter_username": None})
    organization.update(ORG_SETTINGS)
    yield get("orgs-" + ORG, "/orgs/" + ORG, organization)

    for group, path in (("member", "members"), ("outside collaborator", "outside_collaborators")):
        people = [(number, login, two_factor) for number, (login, kind, two_factor) in enumerate(PEOPLE)
                  if kind == group]
        yield get("orgs-%s-%s" % (ORG, path), "/orgs/%s/%s" % (ORG, path),
                  [user(login, number) for number, login, _ in people], query={"filter": {"absent": True}})
        if not ORG_SETTINGS["two_factor_requirement_enabled"]:  # asked only when 2FA is not required
            yield get("orgs-%s-%s-2fa-disabled" % (ORG, path), "/orgs/%s/%s" % (ORG, path),
                      [user(login, number) for number, login, two_factor in people if not two_factor],
                      query={"filter": {"equalTo": "2fa_disabled"}})

    yield get("orgs-%s-repos" % ORG, "/orgs/%s/repos" % ORG,
              [repository(number, name, visibility, archived, security)
               for number, (name, visibility, archived, _, security, _) in enumerate(REPOSITORIES)])
    not_found = fixture("errors/not-found.json")
    for name, _, archived, protection, _, alerts in REPOSITORIES:
        if archived:
            continue  # listed, nothing more is asked
        path = "/repos/%s/%s" % (ORG, name)
        yield get("repos-%s-branches-main" % name, path + "/branches/main", branch(name, protection))
        if protection:
            yield get("repos-%s-branches-main-protection" % name, path + "/branches/main/protection",
                      branch_protection(name, protection))
        yield get("repos-%s-rules-branches-main" % name, path + "/rules/branches/main", [])
        # 204 without a body when Dependabot alerts are on, 404 when they are off, as documented
        yield get("repos-%s-vulnerability-alerts" % name, path + "/vulnerability-alerts",
                  None if alerts else copy.deepcopy(not_found), status=204 if alerts else 404)
