"""The cooperative's lines of business: membership and share capital, free support, paid
consultancy, the impact its members report, and the start-up studio; and the board's legal duties as
a Belgian cooperative: the share register, the CNC conditions, the refunds owed and the annual
special report.
"""
