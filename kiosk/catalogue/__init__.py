"""The service catalogue: typed model, on-disk cache with ETag, and search."""
