"""Every message the portal translates, found in its templates and code (for the
catalogue check in the tests and for writing new .po entries)."""

import re
from pathlib import Path

from ..enums import BillingCycle, RenewalStatus, ServiceStatus

ROOT = Path(__file__).resolve().parent
_TEMPLATE_TAG = re.compile(r"""\{%\s*tn?\s+"((?:[^"\\]|\\.)*)"(?:\s+"((?:[^"\\]|\\.)*)")?""")
_TEMPLATE_TAG_SINGLE = re.compile(r"""\{%\s*t\s+'((?:[^'\\]|\\.)*)'""")
_CODE_CALL = re.compile(r"""\btr\(\s*"((?:[^"\\]|\\.)*)\"""")


def messages() -> set[str]:
    found: set[str] = set()
    for template in (ROOT / "templates").rglob("*.html"):
        text = template.read_text()
        for singular, plural in _TEMPLATE_TAG.findall(text):
            found.add(singular)
            if plural:
                found.add(plural)
        found.update(_TEMPLATE_TAG_SINGLE.findall(text))
    for module in ROOT.glob("*.py"):
        found.update(_CODE_CALL.findall(module.read_text()))
    from .messages import ERRORS, NOTICES

    found.update(NOTICES.values())
    found.update(ERRORS.values())
    for choices in (ServiceStatus, BillingCycle, RenewalStatus):
        found.update(str(label) for label in choices.labels)
    return found
