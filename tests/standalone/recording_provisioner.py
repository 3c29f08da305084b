"""A provisioner for tests that records its calls (the real server is a customer's)."""

CALLS: list[tuple[str, int]] = []
SEQUENCES: list[tuple[str, int, int]] = []


class RecordingProvisioner:
    def _record(self, operation, service_id, sequence):
        CALLS.append((operation, service_id))
        SEQUENCES.append((operation, service_id, sequence))

    def provision(self, service_id, *, sequence):
        self._record("provision", service_id, sequence)

    def suspend(self, service_id, *, sequence):
        self._record("suspend", service_id, sequence)

    def unsuspend(self, service_id, *, sequence):
        self._record("unsuspend", service_id, sequence)

    def terminate(self, service_id, *, sequence):
        self._record("terminate", service_id, sequence)

    def change_plan(self, service_id, *, sequence):
        self._record("change_plan", service_id, sequence)
