"""What a board reads first: the headline KPIs (kpis) and what changed since the last
board's snapshot (changes).
"""
