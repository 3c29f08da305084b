"""The GraphQL API (graphene 2), merged into Saleor's schema inside Saleor."""
