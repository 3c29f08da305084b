"""Service and subscription management for Saleor."""
