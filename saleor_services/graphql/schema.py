"""The API as its own schema (hosts without Saleor) and as fields for Saleor's schema."""

import functools
from pathlib import Path

import graphene

from .mutations import ServicesMutations
from .queries import ServicesQueries
from .types import Service, ServiceCancellationRequest, ServiceEvent, ServicePlan, ServiceRenewal

SCHEMA_FILE = Path(__file__).with_name("schema.graphql")
TYPES = [Service, ServicePlan, ServiceCancellationRequest, ServiceEvent, ServiceRenewal]


class Query(ServicesQueries):
    node = graphene.relay.Node.Field()


class Mutation(ServicesMutations):
    pass


@functools.cache
def build_schema() -> graphene.Schema:
    return graphene.Schema(query=Query, mutation=Mutation, types=TYPES)


def print_schema() -> str:
    from graphql.utils.schema_printer import print_schema as print_graphql_schema

    return print_graphql_schema(build_schema()) + "\n"
