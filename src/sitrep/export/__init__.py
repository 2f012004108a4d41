"""Exports of the store: JSON Lines, CSV and GeoJSON."""
