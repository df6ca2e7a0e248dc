"""The nightly CDS XML export (spec cds-export): collections, field lists, XML parts, zips, manifests."""
