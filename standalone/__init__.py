"""The standalone host: a small Django project for the tests and the demo. Not shipped."""

from .celery import app as celery_app

__all__ = ["celery_app"]
