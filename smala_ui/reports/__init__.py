"""Documents the board downloads and completes: a model's figures written into a word-processor
file in the interface language (the annual special report's draft, ``special_report``)."""
