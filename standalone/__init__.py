"""The standalone host: a small Django project for the tests and the demo. Not shipped."""
