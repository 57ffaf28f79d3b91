"""What if: the measured pace of one snapshot (pace), the quarter-by-quarter projection
and its levers (simulate), and scenarios saved under a name (scenarios).
"""
