"""What leaves the app as files: table downloads (export) and the seeded demo data set
(demo).
"""
