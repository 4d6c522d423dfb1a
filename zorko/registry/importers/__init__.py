"""One module per source: ``parse(path_or_stream) -> Iterator[record]``, streaming, no I/O besides reading."""
