"""Sections of the pages that draw more than a page script should hold (a page only arranges
widgets): one module per page, each section a function drawing one part of it from the page's
model, with the widgets' keys, callbacks and session state that part owns. Page scripts call them
in the order the page shows them."""
