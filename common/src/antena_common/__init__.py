"""Plumbing shared by every Antena service."""
