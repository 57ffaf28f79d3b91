"""The cooperative's lines of business: membership and share capital, free support, paid
consultancy, the impact its members report, and the start-up studio. The board's legal duties as a
Belgian cooperative (share register, CNC conditions) will live here too.
"""
