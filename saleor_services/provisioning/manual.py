class ManualProvisioner:
    """Staff provision by hand and activate the service themselves; nothing is called."""

    def provision(self, service_id: int, *, sequence: int = 0) -> None:
        return None

    suspend = unsuspend = terminate = change_plan = provision
