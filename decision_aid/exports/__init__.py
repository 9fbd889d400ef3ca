"""Summary -> documents. Each exporter is a pure function returning str or bytes."""
