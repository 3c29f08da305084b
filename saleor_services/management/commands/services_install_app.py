from django.core.exceptions import ImproperlyConfigured
from django.core.management.base import BaseCommand, CommandError

from saleor_services.host import get_host


class Command(BaseCommand):
    help = "Install or update the Services App and its Dashboard extensions in Saleor."

    def add_arguments(self, parser):
        parser.add_argument(
            "--url", help="Saleor's public URL (default: settings.PUBLIC_URL), e.g. https://shop.example"
        )

    def handle(self, *args, url=None, **options):
        try:
            app, created = get_host().install_app(public_url=url)
        except ImproperlyConfigured as error:
            raise CommandError(str(error)) from None
        extensions = ", ".join(f"{e.mount} → {e.url}" for e in app.extensions.order_by("pk"))
        self.stdout.write(f"{'Installed' if created else 'Updated'} App {app.name!r} ({app.identifier}): {extensions}")
