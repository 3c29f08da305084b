"""Per-request facts the resolvers need, asked of the host once per request."""

from ..host import Requestor, get_host


def requestor_from(info) -> Requestor:
    """The requestor of this request, resolved once per request."""
    return requestor_of(info.context)


def requestor_of(context) -> Requestor:
    cached = getattr(context, "_saleor_services_requestor", None)
    if cached is None:
        cached = get_host().requestor(context)
        context._saleor_services_requestor = cached
    return cached


def read_alias(info) -> str:
    return get_host().read_alias(info.context)
