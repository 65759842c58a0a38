"""Plenary: a classroom game of lobbying at the United Nations."""
