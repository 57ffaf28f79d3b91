"""Who sees what: the roles and each viewer's policy, which columns are personal data, and
the audit trail. The data layer enforces what a viewer may read (``analytics.store.scope``).
"""
