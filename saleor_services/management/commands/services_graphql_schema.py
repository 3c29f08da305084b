from django.core.management.base import BaseCommand

from saleor_services.graphql.schema import SCHEMA_FILE, print_schema


class Command(BaseCommand):
    help = "Print the services GraphQL schema, or write it to the repo's schema.graphql."

    def add_arguments(self, parser):
        parser.add_argument("--write", action="store_true", help=f"Write {SCHEMA_FILE.name}.")

    def handle(self, *args, write=False, **options):
        schema = print_schema()
        if write:
            SCHEMA_FILE.write_text(schema)
            self.stdout.write(f"Wrote {SCHEMA_FILE}")
        else:
            self.stdout.write(schema, ending="")
