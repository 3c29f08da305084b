"""The portal's addresses, relative to where the host mounts it (one place builds them)."""

from urllib.parse import urlencode


class PortalUrls:
    def __init__(self, root: str):
        self.root = root

    def services(self, **query) -> str:
        query = {key: value for key, value in query.items() if value not in (None, "")}
        return f"{self.root}services/" + (f"?{urlencode(query)}" if query else "")

    def service(self, service_id: int, **query) -> str:
        suffix = f"?{urlencode(query)}" if query else ""
        return f"{self.root}services/{service_id}/{suffix}"

    def action(self, service_id: int, name: str) -> str:
        return f"{self.root}services/{service_id}/{name}/"

    def sign_in(self, next_path: str = "") -> str:
        return f"{self.root}sign-in/" + (f"?{urlencode({'next': next_path})}" if next_path else "")

    def sign_out(self) -> str:
        return f"{self.root}sign-out/"

    def enter(self, token: str) -> str:
        return f"{self.root}enter/{token}/"

    def static(self, name: str) -> str:
        return f"{self.root}static/{name}"

    def is_inside(self, path: str) -> bool:
        """A safe place to come back to after signing in: a path of this portal."""
        return path.startswith(self.root) and "//" not in path and "\\" not in path
