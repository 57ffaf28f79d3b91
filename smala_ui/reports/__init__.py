"""Documents the directors download: PDFs and drafts built from the models."""
