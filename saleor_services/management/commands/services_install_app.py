from django.apps import apps
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = "Install or update the Services App and its Dashboard extensions in Saleor."

    def add_arguments(self, parser):
        parser.add_argument(
            "--url", help="Saleor's public URL (default: settings.PUBLIC_URL), e.g. https://shop.example"
        )

    def handle(self, *args, url=None, **options):
        if not apps.is_installed("saleor.app"):
            raise CommandError("This command installs the App into Saleor; Saleor is not installed here.")
        from saleor_services.saleor.app_install import install_app

        app, created = install_app(public_url=url)
        extensions = ", ".join(f"{e.mount} → {e.url}" for e in app.extensions.order_by("pk"))
        self.stdout.write(f"{'Installed' if created else 'Updated'} App {app.name!r} ({app.identifier}): {extensions}")
