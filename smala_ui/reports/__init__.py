"""Documents the directors download and complete, built from the models in the interface's or
the member's language: the annual special report's draft (``special_report``, DOCX) and the share
register and a member's statement (``register_pdf``, PDF)."""
