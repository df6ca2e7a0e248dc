"""Moving in from the original service: its CDS XML export and schemes / locations CSV downloads, read
back into this service (the inverse of exports/cds, built from the same declarations)."""
