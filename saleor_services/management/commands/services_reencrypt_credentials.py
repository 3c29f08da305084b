"""Re-encrypt every stored provisioning password with the newest key.

Run after putting a new key first in SALEOR_SERVICES['ENCRYPTION_KEYS'] (or a new
SECRET_KEY with the old one in SECRET_KEY_FALLBACKS); once it reports no unreadable
passwords, the old key can be removed. Rows go in primary-key order, a batch at a time,
each batch in its own transaction with its rows locked; running it again changes nothing.
"""

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from saleor_services.bulk_sql import update_rows
from saleor_services.credentials import CredentialsUnavailable, Secret, is_current, reencrypt
from saleor_services.host import get_host
from saleor_services.models import Service

DEFAULT_BATCH_SIZE = 1000
MAX_LISTED = 20


def _reencrypt_batch(after_pk: int, batch_size: int) -> tuple[int, int, int, list[int], int]:
    """(last pk, re-encrypted, already current, unreadable pks, rows) of one locked batch."""
    with transaction.atomic():
        rows = list(
            Service.objects.select_for_update(of=("self",))
            .filter(pk__gt=after_pk)
            .exclude(password="")
            .only("pk", "password")
            .order_by("pk")[:batch_size]
        )
        changed, current, unreadable = [], 0, []
        for row in rows:
            token = row.password.token()
            if is_current(token):
                current += 1
                continue
            try:
                row.password = Secret.stored(reencrypt(token))
            except CredentialsUnavailable:
                unreadable.append(row.pk)
                continue
            changed.append(row)
        update_rows(changed, ["password"])
    return (rows[-1].pk if rows else after_pk), len(changed), current, unreadable, len(rows)


class Command(BaseCommand):
    help = (
        "Re-encrypt every stored provisioning password with the newest key "
        "(the first of SALEOR_SERVICES['ENCRYPTION_KEYS']); idempotent."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--batch-size", type=int, default=DEFAULT_BATCH_SIZE, help="Rows per transaction."
        )

    def handle(self, *args, batch_size=DEFAULT_BATCH_SIZE, **options):
        if not 1 <= batch_size <= 100_000:
            raise CommandError("--batch-size must be from 1 to 100000.")
        checked = changed = current = batches = 0
        unreadable: list[int] = []
        last_pk = 0
        with get_host().task_writes():
            while True:
                last_pk, batch_changed, batch_current, batch_unreadable, size = _reencrypt_batch(
                    last_pk, batch_size
                )
                if not size:
                    break
                batches += 1
                checked += size
                changed += batch_changed
                current += batch_current
                unreadable += batch_unreadable
                self.stdout.write(
                    f"batch {batches}: {size} rows up to id {last_pk}, re-encrypted {batch_changed}, "
                    f"already current {batch_current}, unreadable {len(batch_unreadable)}"
                )
        self.stdout.write(
            f"Done: checked {checked}, re-encrypted {changed}, already current {current}, "
            f"unreadable {len(unreadable)}."
        )
        if unreadable:
            listed = ", ".join(map(str, unreadable[:MAX_LISTED]))
            more = f" and {len(unreadable) - MAX_LISTED} more" if len(unreadable) > MAX_LISTED else ""
            raise CommandError(
                f"{len(unreadable)} password(s) cannot be decrypted with any configured key "
                f"(service ids {listed}{more}); keep the key they were encrypted with, or set "
                "new passwords for them."
            )
