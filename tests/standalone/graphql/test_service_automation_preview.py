from datetime import timedelta

from django.utils import timezone

from saleor_services.models import Renewal, ServiceEvent

from ..conftest import snapshot
from .conftest import gid

QUERY = """query($date: Date) { serviceAutomationPreview(date: $date) { step count services { id } } }"""


def test_preview_lists_what_each_step_would_do_and_changes_nothing(api, make_service, staff_user):
    today = timezone.localdate()
    due_soon = make_service(today=today - timedelta(days=26))  # monthly: due in a few days
    make_service(today=today)  # due in a month: nothing to do
    before = snapshot()

    steps = api.post(QUERY, {"date": str(today)}, user=staff_user)["data"]["serviceAutomationPreview"]

    by_step = {step["step"]: step for step in steps}
    assert list(by_step) == [
        "generate_renewals", "send_reminders", "warn_before_suspension", "suspend_overdue",
        "apply_cancellations", "resume_paused", "warn_before_termination", "terminate_ended",
    ]
    assert by_step["generate_renewals"]["count"] == 1
    assert by_step["generate_renewals"]["services"] == [{"id": gid(due_soon)}]
    assert all(step["count"] == 0 for name, step in by_step.items() if name != "generate_renewals")
    assert snapshot() == before
    assert not Renewal.objects.exists() and ServiceEvent.objects.filter(type="RENEWAL_CREATED").count() == 0
