"""E-mail backends for the outbox tests: real Django backends that record what they
send, and check that the sender holds no transaction (hence no row lock) meanwhile."""

import threading

from django.core.mail.backends.base import BaseEmailBackend
from django.db import connection


class RecordingBackend(BaseEmailBackend):
    sent: list = []
    in_transaction: list = []
    # Addresses this backend refuses, as an SMTP server refuses a mailbox.
    refused: set = set()
    # When set, each sender's first message waits here for the other sender: both are
    # then sending at once, each with its own claimed rows.
    meet: threading.Barrier | None = None
    _met: set = set()
    _lock = threading.Lock()

    @classmethod
    def reset(cls) -> None:
        cls.sent.clear()
        cls.in_transaction.clear()
        cls.refused = set()
        cls.meet = None
        cls._met = set()

    def send_messages(self, messages):
        from smtplib import SMTPRecipientsRefused

        for message in messages:
            me = threading.get_ident()
            if self.meet is not None and me not in self._met:
                self._met.add(me)
                self.meet.wait(timeout=60)
            if connection.in_atomic_block:
                self.in_transaction.append(message.subject)
            if set(message.to) & self.refused:
                raise SMTPRecipientsRefused({address: (550, b"No such mailbox") for address in message.to})
            with self._lock:
                self.sent.append(message)
        return len(messages)
