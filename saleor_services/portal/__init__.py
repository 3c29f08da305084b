"""The hosted customer portal: server-rendered pages any storefront links to.

Views are thin: they read through `pages` (a constant number of queries per page) and act
through the same domain functions the GraphQL API calls, with the customer as the actor.
Mounted by the host: inside Saleor under the plugin's route, standalone under /portal/.
"""
