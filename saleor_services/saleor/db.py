from saleor.core.db.connection import allow_writer

__all__ = ["allow_writer"]
