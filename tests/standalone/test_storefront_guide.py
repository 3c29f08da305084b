"""Every GraphQL example in docs/storefront.md is valid against the schema."""

import re
from pathlib import Path

import pytest
from graphql import parse, validate

GUIDE = Path(__file__).resolve().parents[2] / "docs" / "storefront.md"


def _examples() -> list[str]:
    return re.findall(r"```graphql\n(.*?)```", GUIDE.read_text(), flags=re.S)


def test_the_guide_has_examples():
    assert len(_examples()) >= 4


@pytest.mark.parametrize("example", _examples())
def test_each_example_validates(example):
    from saleor_services.graphql.schema import build_schema

    errors = validate(build_schema(), parse(example))
    assert errors == [], [error.message for error in errors]
