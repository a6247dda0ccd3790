"""codingpath: a career planner for medical coding and health information management.

Importing the package is cheap on purpose: `--version` and `--help` must not pay for the data layer.
"""

__version__ = "0.1.0"
