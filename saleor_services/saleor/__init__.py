"""The Saleor adapter: the only package that imports `saleor.*`.

Nothing imports it unless Saleor is installed (Saleor finds the plugin through the
`saleor.plugins` entry point).
"""
