"""Importing the cooperative's own files: workbooks and CSV in the template's shape (read, raw,
coerce, vocabulary, template) or Odoo's cooperator exports (odoo), checked, previewed and published
as a snapshot (importer).
"""
