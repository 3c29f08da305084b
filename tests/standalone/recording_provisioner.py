"""A provisioner for tests that records its calls (the real server is a customer's)."""

CALLS: list[tuple[str, int]] = []


class RecordingProvisioner:
    def provision(self, service_id):
        CALLS.append(("provision", service_id))

    def suspend(self, service_id):
        CALLS.append(("suspend", service_id))

    def unsuspend(self, service_id):
        CALLS.append(("unsuspend", service_id))

    def terminate(self, service_id):
        CALLS.append(("terminate", service_id))

    def change_plan(self, service_id):
        CALLS.append(("change_plan", service_id))
