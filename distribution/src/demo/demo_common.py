"""What the demo estate's three generators share: JSON answers that may carry WireMock templates, and writing
mappings."""
import json
import os
import re
import shutil

ISO = "yyyy-MM-dd'T'HH:mm:ss'Z'"
ISO_MILLIS = "yyyy-MM-dd'T'HH:mm:ss.SSS'Z'"
HTTP_DATE = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"


def now(offset=None, format=ISO):
    """A WireMock template for the time of the demo, moved by `offset` (such as '-3 days'), in `format`."""
    shift = " offset='%s'" % offset if offset else ""
    return '{{now%s format="%s"}}' % (shift, format)


def json_body(value):
    """A JSON answer, indented as the vendors' examples are (which also keeps '}}' out of the template's way).
    Templates in strings keep their own quotes unescaped; a string "@@template@@" becomes the bare template, for
    numbers."""
    text = json.dumps(value, indent=2)
    text = re.sub(r"\{\{.*?\}\}", lambda template: template.group(0).replace('\\"', '"'), text)
    while '"@@' in text:
        start = text.index('"@@')
        end = text.index('@@"', start + 3)
        text = text[:start] + text[start + 3:end] + text[end + 3:]
    return text


def write_mappings(root, stubs):
    """Writes each (name, stub) to root/mappings/<name>.json, after emptying that directory."""
    out = os.path.join(root, "mappings")
    shutil.rmtree(out, ignore_errors=True)
    os.makedirs(out)
    count = 0
    for name, stub in stubs:
        stub["name"] = name
        with open(os.path.join(out, name + ".json"), "w", encoding="utf-8") as file:
            json.dump(stub, file, indent=2, sort_keys=True)
            file.write("\n")
        count += 1
    print("wrote %d stubs to %s" % (count, os.path.normpath(out)))
