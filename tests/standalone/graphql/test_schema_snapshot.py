from saleor_services.graphql.schema import SCHEMA_FILE, print_schema


def test_printed_schema_matches_the_file():
    assert SCHEMA_FILE.read_text() == print_schema(), (
        "The GraphQL schema changed; review and run "
        "`python manage.py services_graphql_schema --write`."
    )


def test_no_type_takes_a_name_saleor_defines_differently():
    """Our own types are prefixed; unprefixed names are Saleor's own shared types."""
    from saleor_services.graphql.schema import build_schema

    saleor_shared = {"Date", "DateTime", "JSON", "UUID", "Decimal", "PositiveDecimal", "Money",
                     "OrderDirection", "MetadataItem", "MetadataInput", "PageInfo", "Node"}
    builtin = {"Query", "Mutation", "String", "Int", "Float", "Boolean", "ID"}
    names = {name for name in build_schema().get_type_map() if not name.startswith("__")}
    assert {name for name in names if not name.startswith("Service")} <= saleor_shared | builtin
