"""The standalone host's GraphQL endpoint (inside Saleor, Saleor's /graphql/ serves the API).

No request ends in a server error or an HTML page: a request beyond a limit or malformed
gets a 4xx with a GraphQL error body whose `extensions.code` names it (the limits and
codes are in saleor_services/graphql/limits.py), and an unexpected exception is logged
and reported without its internals.
"""

import functools
import json
import logging

from django.http import JsonResponse
from django.http.request import RawPostDataException
from django.utils.decorators import method_decorator
from django.views import View
from django.views.decorators.csrf import csrf_exempt
from graphql import GraphQLError, validate
from graphql.error import format_error as format_graphql_error
from graphql.execution import ExecutionResult, execute

from saleor_services.errors import ServiceError
from saleor_services.graphql import limits
from saleor_services.graphql.schema import build_schema

from .host import PermissionDenied

logger = logging.getLogger(__name__)

_EXPECTED = (GraphQLError, PermissionDenied, ServiceError)


class _Refused(Exception):
    def __init__(self, status: int, code: str, message: str):
        super().__init__(message)
        self.status, self.code, self.message = status, code, message


def _format(error) -> dict:
    original = getattr(error, "original_error", None)
    if isinstance(error, RecursionError) or isinstance(original, RecursionError):
        # Cannot happen within the document limits; if it does, it is a depth refusal.
        return {"message": "The query is nested too deeply.", "extensions": {"code": limits.QUERY_TOO_DEEP}}
    if not isinstance(error, GraphQLError):
        # Raised before execution, by graphql-core coercing the variables (a scalar's
        # parser failing): the request is wrong. graphql-core's own messages are plain
        # Exceptions; anything else could carry internals.
        message = str(error) if type(error) is Exception else "A variable's value does not fit its type."
        return {"message": message, "extensions": {"code": limits.INVALID_VARIABLES}}
    if original is not None and not isinstance(original, _EXPECTED):
        logger.error("Unexpected error in GraphQL", exc_info=original)
        formatted = format_graphql_error(error)
        formatted["message"] = "Internal Server Error"
        formatted["extensions"] = {"exception": {"code": "INTERNAL_ERROR"}}
        return formatted
    formatted = format_graphql_error(error)
    if isinstance(original, PermissionDenied):
        formatted["extensions"] = {**formatted.get("extensions", {}), "exception": {"code": "PermissionDenied"}}
    return formatted


def _refusal(status: int, code: str, message: str) -> JsonResponse:
    return JsonResponse({"errors": [{"message": message, "extensions": {"code": code}}]}, status=status)


def _body(request) -> bytes:
    """The body, read only when within MAX_REQUEST_BYTES (Django's own size check would
    answer an HTML page)."""
    too_large = _Refused(
        413, limits.REQUEST_TOO_LARGE, f"The request body is larger than {limits.MAX_REQUEST_BYTES} bytes."
    )
    try:
        declared = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        raise _Refused(400, limits.INVALID_REQUEST, "The Content-Length header is not a number.") from None
    if declared > limits.MAX_REQUEST_BYTES:
        raise too_large
    try:
        body = request.read(limits.MAX_REQUEST_BYTES + 1) if declared else b""
    except (RawPostDataException, OSError):
        raise _Refused(400, limits.INVALID_REQUEST, "The request body cannot be read.") from None
    if len(body) > limits.MAX_REQUEST_BYTES:
        raise too_large
    return body


def _parse(body: bytes) -> dict:
    invalid = _Refused(400, limits.INVALID_JSON, "The request body is not valid JSON.")
    try:
        data = json.loads(body or b"{}")
    except (ValueError, UnicodeDecodeError):
        raise invalid from None
    except RecursionError:
        raise _Refused(
            400, limits.INVALID_JSON, f"The request body nests more than {limits.MAX_BODY_JSON_DEPTH} levels."
        ) from None
    if limits.json_depth_exceeds(data):
        raise _Refused(
            400, limits.INVALID_JSON, f"The request body nests more than {limits.MAX_BODY_JSON_DEPTH} levels."
        )
    if not isinstance(data, dict):
        raise _Refused(400, limits.INVALID_REQUEST, "The request body must be a JSON object.")
    return data


@functools.lru_cache(maxsize=256)
def _checked(query: str):
    """The parsed document and the errors that refuse it (the document limits', then
    graphql-core's validation), once per query text: clients send the same few queries
    again and again, and a document is valid or not whatever the variables."""
    document, errors = limits.check_document(query)
    if errors:
        return None, tuple(errors), ()
    return document, (), tuple(validate(build_schema(), document))


def _execute(document, **options) -> ExecutionResult:
    """What graphene's `Schema.execute` does with a validated document, without printing
    the document back to text and validating it again on every request."""
    try:
        return execute(build_schema(), document, **options)
    except Exception as error:
        return ExecutionResult(errors=[error], invalid=True)


@method_decorator(csrf_exempt, name="dispatch")
class GraphQLView(View):
    http_method_names = ["post", "options"]

    def post(self, request):
        try:
            body = _parse(_body(request))
        except _Refused as refused:
            return _refusal(refused.status, refused.code, refused.message)
        query = body.get("query")
        variables = body.get("variables") or {}
        operation_name = body.get("operationName")
        if not isinstance(query, str) or not query.strip():
            return _refusal(400, limits.INVALID_REQUEST, "Must provide a query string.")
        if len(query) > limits.MAX_QUERY_LENGTH:
            return _refusal(
                400, limits.QUERY_TOO_LONG, f"The query is longer than {limits.MAX_QUERY_LENGTH} characters."
            )
        if not isinstance(variables, dict) or not (operation_name is None or isinstance(operation_name, str)):
            return _refusal(400, limits.INVALID_REQUEST, "Variables must be an object and operationName a string.")
        document, errors, invalid = _checked(query)
        if errors:
            return JsonResponse({"errors": [_format(error) for error in errors]}, status=400)
        if invalid:
            result = ExecutionResult(errors=list(invalid), invalid=True)
        else:
            result = _execute(
                document, variable_values=variables, context_value=request, operation_name=operation_name
            )
        payload = {"data": result.data}
        if result.errors:
            payload["errors"] = [_format(error) for error in result.errors]
        return JsonResponse(payload, status=200)
