"""Who did something: a customer, a staff user, an app or the system."""

from dataclasses import dataclass
from typing import Any

from .enums import ActorType


@dataclass(frozen=True)
class Actor:
    type: ActorType
    user: Any = None  # settings.AUTH_USER_MODEL instance for customers and staff
    app_id: int | None = None
    # Staff restricted to some channels reach only those channels' services (Saleor's
    # channel-restricted permission groups); None: every channel.
    channel_slugs: frozenset[str] | None = None

    @classmethod
    def customer(cls, user) -> "Actor":
        return cls(ActorType.CUSTOMER, user=user)

    @classmethod
    def staff(cls, user, *, channel_slugs: frozenset[str] | None = None) -> "Actor":
        return cls(ActorType.STAFF, user=user, channel_slugs=channel_slugs)

    @classmethod
    def app(cls, app_id: int) -> "Actor":
        return cls(ActorType.APP, app_id=app_id)

    @classmethod
    def system(cls) -> "Actor":
        return cls(ActorType.SYSTEM)

    @property
    def is_customer(self) -> bool:
        return self.type == ActorType.CUSTOMER

    @property
    def user_id(self) -> int | None:
        return self.user.pk if self.user is not None else None


SYSTEM = Actor.system()
