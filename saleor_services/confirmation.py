"""How a customer confirms a cancellation, without making it a password oracle.

With a usable password: the password, checked under the host's login throttling (inside
Saleor the same counters and delays as `tokenCreate`, so guesses here and at sign-in add
up). Without one (social or OpenID sign-in): a sign-in at most
CONFIRMATION_SIGN_IN_MINUTES old, as the host can prove it; an older one gets
SIGN_IN_REQUIRED, telling the customer to sign in again and retry. Staff and apps do
not confirm.
"""

from datetime import timedelta

from django.utils import timezone

from .actors import Actor
from .conf import get_settings
from .errors import ServiceError, ServiceErrorCode
from .host import PasswordCheck, get_host


def confirm_customer(
    actor: Actor, *, password: str | None, sign_in_token: str | None = None, request=None
) -> None:
    """Raise a typed ServiceError unless `actor` (a customer) has confirmed who they are."""
    if not actor.is_customer:
        return
    user = actor.user
    host = get_host()
    if user.has_usable_password():
        if not password:
            raise ServiceError(ServiceErrorCode.REQUIRED, "Confirm with your password.", field="password")
        check = host.check_password(request, user=user, password=password)
        if check is PasswordCheck.DELAYED:
            raise ServiceError(
                ServiceErrorCode.CONFIRMATION_DELAYED,
                "Too many failed attempts from this address; wait a little and try again.",
                field="password",
            )
        if check is not PasswordCheck.CORRECT:
            raise ServiceError(ServiceErrorCode.PASSWORD_INCORRECT, "The password is incorrect.", field="password")
        return
    minutes = get_settings().CONFIRMATION_SIGN_IN_MINUTES
    signed_in = host.signed_in_at(request, user=user, sign_in_token=sign_in_token)
    now = timezone.now()
    if signed_in is None or not now - timedelta(minutes=minutes) <= signed_in <= now + timedelta(minutes=1):
        raise ServiceError(
            ServiceErrorCode.SIGN_IN_REQUIRED,
            f"Sign in again to confirm: your sign-in must be at most {minutes} minutes old.",
            field="sign_in_token",
        )
