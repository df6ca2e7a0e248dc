"""CSV downloads: one writer (BOM, safe cells, streaming) and declared columns per download.

- `writer`: the file format every download shares;
- `logs`: log columns built from a year's form catalogue plus that year's declaration module
  (`lettings_2026`, `sales_2026`), which each year package names (`domain.forms.registry`);
- `users`, and `exports.schemes_csv` for schemes and locations;
- `downloads`: one entry point that writes any kind of download for a user.
"""
