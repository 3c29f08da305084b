"""Serve the API from Saleor's own /graphql/.

Saleor builds its schema once, when `saleor.graphql.api` is first imported, and its view
validates query cost against that module-level schema; app tokens are only honoured on
that path. So the root fields are added to Saleor's Query and Mutation by wrapping the
schema builder before that import happens (from our AppConfig.ready()).
"""

import importlib.abc
import importlib.util
import logging
import sys

logger = logging.getLogger(__name__)

SALEOR_API_MODULE = "saleor.graphql.api"
# Importing this module early would freeze its federation union before Saleor's types
# register, so it is patched the moment Saleor itself imports it.
BUILDER_MODULE = "saleor.graphql.core.federation.schema"

# Our paginated lists cost like Saleor's own: by page size.
QUERY_COSTS = {
    "myServices": {"complexity": 1, "multipliers": ["first", "last"]},
    "services": {"complexity": 1, "multipliers": ["first", "last"]},
    "serviceCancellationRequests": {"complexity": 1, "multipliers": ["first", "last"]},
    "servicePlans": {"complexity": 1, "multipliers": ["first", "last"]},
    "serviceCatalogueVariants": {"complexity": 1, "multipliers": ["first"]},
    "service": {"complexity": 1},
    "servicePlan": {"complexity": 1},
}


def _merged(base, mixin, name: str):
    return type(name, (base, mixin), {"__doc__": base.__doc__, "__module__": base.__module__})


class _PatchAfterImport(importlib.abc.MetaPathFinder):
    """Runs `patch(module)` right after `module_name` is first executed."""

    def __init__(self, module_name: str, patch):
        self.module_name = module_name
        self.patch = patch

    def find_spec(self, fullname, path, target=None):
        if fullname != self.module_name:
            return None
        sys.meta_path.remove(self)
        spec = importlib.util.find_spec(fullname)
        execute = spec.loader.exec_module

        def exec_module(module):
            execute(module)
            self.patch(module)

        spec.loader.exec_module = exec_module
        return spec


def _wrap_builder(federation) -> None:
    original = federation.build_federated_schema
    if getattr(original, "saleor_services_extended", False):
        return

    def build_federated_schema(query, mutation, types, subscription, directives=None):
        from ..graphql.mutations import ServicesMutations
        from ..graphql.queries import ServicesQueries
        from ..graphql.schema import TYPES

        return original(
            _merged(query, ServicesQueries, "Query"),
            mutation=_merged(mutation, ServicesMutations, "Mutation"),
            types=list(types) + TYPES,
            subscription=subscription,
            directives=directives,
        )

    build_federated_schema.saleor_services_extended = True
    federation.build_federated_schema = build_federated_schema


def _patch_after_import(module_name: str, patch) -> None:
    if module_name in sys.modules:
        patch(sys.modules[module_name])
    elif not any(
        isinstance(finder, _PatchAfterImport) and finder.module_name == module_name
        for finder in sys.meta_path
    ):
        sys.meta_path.insert(0, _PatchAfterImport(module_name, patch))


def extend_saleor_schema() -> bool:
    """Have Saleor's schema include the API, Saleor's view check the document limits
    before parsing and its date scalars refuse what they cannot parse (document_limits.py);
    False when the schema was already built."""
    from .document_limits import guard_backend, guard_date_scalars

    guard_date_scalars()
    if SALEOR_API_MODULE in sys.modules:
        guard_backend(sys.modules[SALEOR_API_MODULE])
        logger.error(
            "saleor_services: %s was imported before the app was ready; the services "
            "API is not part of Saleor's schema.",
            SALEOR_API_MODULE,
        )
        return False
    _patch_after_import(BUILDER_MODULE, _wrap_builder)
    _patch_after_import(SALEOR_API_MODULE, guard_backend)
    _register_query_costs()
    return True


def _register_query_costs() -> None:
    from saleor.graphql.query_cost_map import COST_MAP

    COST_MAP.setdefault("Query", {}).update(QUERY_COSTS)
