"""The impact fund: the 3 % cap on capital gains (cap) and the fund's figures, ILPA style
(metrics: raised, paid-in, DPI/RVPI/TVPI, XIRR, the EUR 10M outlook). Investor statements will live
here too.
"""
