"""Pure domain engines: plain Python, NumPy and OR-Tools, never Django.

Each engine takes frozen dataclasses and returns frozen dataclasses, so that it can be
run from a file on the command line, from a service, or from a benchmark alike.
"""
