"""A whole team at once: streaming profiles and rosters, each person's readiness for the roles above
them, and the tallies a team report shows. Prints nothing.

Modules here import the shared vocabulary, `load` and the planner; never `render` or `cli`.
"""
