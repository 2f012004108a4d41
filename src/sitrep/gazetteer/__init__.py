"""Offline gazetteer: GeoNames-derived place index, its build script and name normalisation."""
