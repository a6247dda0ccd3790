"""Everything that reads the world: guarded YAML, profiles, CSV rosters, the bundled career data and
an employer's overlay, the cache of checked data, cross-checks and `data check`.

Modules here import the shared vocabulary above them (`codingpath.models`, `errors`, `catalog`,
`engine`, `wording`) and each other; never `planning`, `team`, `render` or `cli`.
"""
